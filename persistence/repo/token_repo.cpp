// API tokens: stored by SHA-256 hex, optionally limited to branches of their tenant.
#include "persistence/repo/token_repo.hpp"

#include "persistence/repo/audit_repo.hpp"
#include "persistence/repo/catalog_internal.hpp"
#include "persistence/transaction.hpp"

#include <nlohmann/json.hpp>

namespace askpro::persistence {
namespace {

/// The ids of `slugs` among the tenant's branches; errc::not_found naming an unknown slug.
Result<std::vector<int64_t>> branch_ids_of(connection& conn, tenant_scope scope,
                                           const std::vector<std::string>& slugs) {
  std::vector<int64_t> out;
  for (const auto& slug : slugs) {
    auto id = detail::query_int(conn, "SELECT id FROM branches WHERE company_id = ? AND slug = ?",
                                {scope.company_id(), slug});
    if (!id) return std::move(id.error());
    if (*id == 0) return make_error(errc::not_found, "no branch '" + slug + "' in this tenant");
    out.push_back(*id);
  }
  return out;
}

/// Fills branch_ids and branch_slugs of `token` from api_token_branches.
Result<void> attach_branches(connection& conn, token_record& token) {
  auto rows = conn.query(
      "SELECT b.id AS id, b.slug AS slug FROM api_token_branches tb "
      "JOIN branches b ON b.company_id = tb.company_id AND b.id = tb.branch_id "
      "WHERE tb.company_id = ? AND tb.token_id = ? ORDER BY b.id",
      {token.scope.company_id(), token.id});
  if (!rows) return std::move(rows.error());
  for (const auto& r : *rows) {
    detail::field_reader f{r};
    token.branch_ids.push_back(f.get<int64_t>("id"));
    token.branch_slugs.push_back(f.get<std::string>("slug"));
    if (auto ok = f.status(); !ok) return ok;
  }
  return {};
}

Result<token_record> read_token(connection& conn, const row& r) {
  detail::field_reader f{r};
  token_record t;
  t.id = f.get<int64_t>("id");
  t.scope = tenant_scope{f.get<int64_t>("company_id")};
  t.company_slug = f.get<std::string>("company_slug");
  t.name = f.get<std::string>("name");
  t.scope_name = f.get<std::string>("scope_name");
  t.created_at = f.get<int64_t>("created_at");
  t.last_used_at = f.nullable<int64_t>("last_used_at");
  t.revoked_at = f.nullable<int64_t>("revoked_at");
  if (auto ok = f.status(); !ok) return std::move(ok.error());
  if (auto ok = attach_branches(conn, t); !ok) return std::move(ok.error());
  return t;
}

/// Tokens matching `where`, oldest first.
Result<std::vector<token_record>> select_tokens(connection& conn, std::string_view where,
                                                const std::vector<value>& binds) {
  auto rows = conn.query(
      "SELECT t.id AS id, t.company_id AS company_id, c.slug AS company_slug, t.name AS name, "
      "t.scope AS scope_name, t.created_at AS created_at, t.last_used_at AS last_used_at, "
      "t.revoked_at AS revoked_at FROM api_tokens t JOIN companies c ON c.id = t.company_id "
      "WHERE " +
          std::string{where} + " ORDER BY t.id",
      binds);
  if (!rows) return std::move(rows.error());
  std::vector<token_record> out;
  for (const auto& r : *rows) {
    auto t = read_token(conn, r);
    if (!t) return std::move(t.error());
    out.push_back(std::move(*t));
  }
  return out;
}

Result<std::optional<token_record>> select_token(connection& conn, std::string_view where,
                                                 const std::vector<value>& binds) {
  auto found = select_tokens(conn, where, binds);
  if (!found) return std::move(found.error());
  if (found->empty()) return std::optional<token_record>{};
  return std::optional<token_record>{std::move(found->front())};
}

Result<token_record> insert_token_rows(connection& conn, tenant_scope scope,
                                       const std::string& name, const std::string& hash,
                                       const std::string& scope_name,
                                       const std::vector<std::string>& branch_slugs,
                                       int64_t now_ms) {
  auto branch_ids = branch_ids_of(conn, scope, branch_slugs);
  if (!branch_ids) return std::move(branch_ids.error());
  auto done = conn.execute(
      "INSERT INTO api_tokens (company_id, name, token_hash, scope, created_at) "
      "VALUES (?, ?, ?, ?, ?)",
      {scope.company_id(), name, hash, scope_name, now_ms});
  if (!done) return std::move(done.error());
  auto id = conn.last_insert_id();
  if (!id) return std::move(id.error());
  for (auto branch_id : *branch_ids) {
    auto ok = conn.execute(
        "INSERT INTO api_token_branches (company_id, token_id, branch_id) VALUES (?, ?, ?)" +
            conn.sql_dialect().on_conflict_do_nothing({"token_id", "branch_id"}),
        {scope.company_id(), *id, branch_id});
    if (!ok) return std::move(ok.error());
  }
  auto stored = select_token(conn, "t.company_id = ? AND t.id = ?", {scope.company_id(), *id});
  if (!stored) return std::move(stored.error());
  if (!*stored) return make_error(errc::internal, "stored token not found");
  nlohmann::json payload{
      {"token", *id}, {"name", name}, {"scope", scope_name}, {"branches", branch_slugs}};
  if (auto ok = append_audit(conn, scope, {"cli", ""}, "token.created", payload.dump(), now_ms);
      !ok)
    return std::move(ok.error());
  return std::move(**stored);
}

}  // namespace

Result<token_record> insert_token(connection& conn, tenant_scope scope, const std::string& name,
                                  const std::string& token_hash_hex, const std::string& scope_name,
                                  const std::vector<std::string>& branch_slugs, int64_t now_ms) {
  if (scope_name != "admin" && scope_name != "read")
    return make_error(errc::invalid_argument, "token scope must be admin or read");
  auto run = [&](connection& c) {
    return insert_token_rows(c, scope, name, token_hash_hex, scope_name, branch_slugs, now_ms);
  };
  if (conn.in_transaction()) return run(conn);
  return with_transaction(conn, run);
}

Result<std::optional<token_record>> find_token(connection& conn,
                                               const std::string& token_hash_hex) {
  return select_token(conn, "t.token_hash = ? AND t.revoked_at IS NULL AND c.status = 'active'",
                      {token_hash_hex});
}

Result<void> touch_token(connection& conn, tenant_scope scope, int64_t token_id, int64_t now_ms) {
  auto done = conn.execute("UPDATE api_tokens SET last_used_at = ? WHERE company_id = ? AND id = ?",
                           {now_ms, scope.company_id(), token_id});
  if (!done) return std::move(done.error());
  return {};
}

Result<std::vector<token_record>> list_tokens(connection& conn, tenant_scope scope) {
  return select_tokens(conn, "t.company_id = ?", {scope.company_id()});
}

Result<int64_t> revoke_tokens(connection& conn, tenant_scope scope, const std::string& name,
                              int64_t now_ms) {
  return with_transaction(conn, [&](connection& c) -> Result<int64_t> {
    auto n = c.execute(
        "UPDATE api_tokens SET revoked_at = ? WHERE company_id = ? AND name = ? AND "
        "revoked_at IS NULL",
        {now_ms, scope.company_id(), name});
    if (!n || *n == 0) return n;
    nlohmann::json payload{{"name", name}, {"revoked", *n}};
    if (auto ok = append_audit(c, scope, {"cli", ""}, "token.revoked", payload.dump(), now_ms); !ok)
      return std::move(ok.error());
    return n;
  });
}

}  // namespace askpro::persistence
