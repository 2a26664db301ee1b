// Appending to and reading the audit chain (audit_repo.hpp).
#include "persistence/repo/audit_repo.hpp"

#include "persistence/crypto/keyring.hpp"
#include "persistence/crypto/sealed.hpp"
#include "persistence/digest.hpp"
#include "persistence/repo/row_mapping.hpp"

#include <utility>

namespace askpro::persistence {
namespace {

/// Length-prefixed, so no field's content can pass for a field boundary.
void put(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += ';';
}

Result<std::string> locked_head(connection& conn, tenant_scope scope) {
  auto rs = conn.query(
      "SELECT audit_head FROM companies WHERE id = ?" + std::string(conn.sql_dialect().for_update),
      {scope.company_id()});
  if (!rs) return std::move(rs.error());
  if (rs->empty()) return make_error(errc::not_found, "audit: no such company");
  return (*rs)[0].get<std::string>(0);
}

}  // namespace

std::string audit_hash(int64_t company_id, const audit_event& e) {
  std::string text;
  put(text, e.prev_hash);
  put(text, std::to_string(company_id));
  put(text, std::to_string(e.created_at));
  put(text, e.actor);
  put(text, e.action);
  put(text, e.correlation);
  put(text, e.payload);
  return sha256_hex(text);
}

namespace {

/// A phone caller's number becomes its blind index; every other actor is stored as it is.
Result<std::string> stored_actor(const connection& conn, tenant_scope scope,
                                 const std::string& actor) {
  const std::string caller = "caller:";
  if (actor.rfind(caller + "+", 0) != 0) return actor;
  auto index = phone_key(conn, scope.company_id(), actor.substr(caller.size()));
  if (!index) return std::move(index.error());
  return caller + *index;
}

}  // namespace

Result<std::string> append_audit_after(connection& conn, tenant_scope scope,
                                       const audit_context& who, std::string_view action,
                                       const std::string& payload, int64_t now_ms,
                                       const std::string& head) {
  if (!conn.in_transaction())
    return make_error(errc::internal, "audit: an event must be appended inside its change");
  if (conn.data_keys() && !conn.data_keys()->protects()) return head;  // benchmark baseline
  auto actor = stored_actor(conn, scope, who.actor);
  if (!actor) return std::move(actor.error());
  audit_event e{0, *actor, std::string(action), who.correlation, payload, now_ms, head, {}};
  e.hash = audit_hash(scope.company_id(), e);
  auto inserted = conn.execute(
      "INSERT INTO audit_events (company_id, actor, action, correlation_id, payload, "
      "created_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {scope.company_id(), e.actor, e.action, e.correlation, e.payload, e.created_at, e.prev_hash,
       e.hash});
  if (!inserted) return std::move(inserted.error());
  return e.hash;
}

Result<void> append_audit(connection& conn, tenant_scope scope, const audit_context& who,
                          std::string_view action, const std::string& payload, int64_t now_ms) {
  if (!conn.in_transaction())
    return make_error(errc::internal, "audit: an event must be appended inside its change");
  if (conn.data_keys() && !conn.data_keys()->protects()) return caf::unit;  // benchmark baseline
  auto head = locked_head(conn, scope);
  if (!head) return std::move(head.error());
  auto next = append_audit_after(conn, scope, who, action, payload, now_ms, *head);
  if (!next) return std::move(next.error());
  auto moved =
      conn.execute("UPDATE companies SET audit_head = ? WHERE id = ?", {*next, scope.company_id()});
  if (!moved) return std::move(moved.error());
  return caf::unit;
}

Result<std::vector<audit_event>> list_audit(connection& conn, tenant_scope scope, int64_t after_id,
                                            int limit) {
  auto rs = conn.query(
      "SELECT id, actor, action, correlation_id, payload, created_at, prev_hash, hash "
      "FROM audit_events WHERE company_id = ? AND id > ? ORDER BY id LIMIT ?",
      {scope.company_id(), after_id, int64_t{limit}});
  if (!rs) return std::move(rs.error());
  std::vector<audit_event> out;
  caf::error err;
  for (const auto& r : *rs) {
    audit_event e;
    take(r, "id", e.id, err);
    take(r, "actor", e.actor, err);
    take(r, "action", e.action, err);
    take(r, "correlation_id", e.correlation, err);
    take(r, "payload", e.payload, err);
    take(r, "created_at", e.created_at, err);
    take(r, "prev_hash", e.prev_hash, err);
    take(r, "hash", e.hash, err);
    out.push_back(std::move(e));
  }
  if (err) return err;
  return out;
}

}  // namespace askpro::persistence
