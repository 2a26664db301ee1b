// Callback requests: the caller's number, name, reason and wished time are sealed
// (crypto/sealed.hpp).
#include "persistence/repo/callback_repo.hpp"

#include "persistence/crypto/sealed.hpp"
#include "persistence/repo/audit_repo.hpp"
#include "persistence/repo/row_mapping.hpp"
#include "persistence/transaction.hpp"

#include <utility>

namespace askpro::persistence {
namespace {

constexpr const char* callback_select =
    "SELECT id, company_id, branch_id, customer_id, retell_call_id, phone_e164, name, reason, "
    "preferred_time, "
    "status, created_at FROM callback_requests ";

/// The personal fields of a callback row, sealed or opened in place.
template <class Fn>
void each_personal(int64_t company, std::optional<std::string>& phone, std::string& name,
                   std::string& reason, std::optional<std::string>& preferred, Fn&& fn) {
  fn(company, "callback_requests.phone_e164", phone);
  fn(company, "callback_requests.name", name);
  fn(company, "callback_requests.reason", reason);
  fn(company, "callback_requests.preferred_time", preferred);
}

Result<callback_record> read_callback(const connection& conn, const row& r) {
  callback_record c;
  caf::error err;
  int64_t company = 0;
  take(r, "company_id", company, err);
  take(r, "id", c.id, err);
  take(r, "branch_id", c.branch_id, err);
  take(r, "customer_id", c.customer_id, err);
  take(r, "retell_call_id", c.retell_call_id, err);
  take(r, "phone_e164", c.phone_e164, err);
  take(r, "name", c.name, err);
  take(r, "reason", c.reason, err);
  take(r, "preferred_time", c.preferred_time, err);
  take(r, "status", c.status, err);
  take(r, "created_at", c.created_at, err);
  each_personal(company, c.phone_e164, c.name, c.reason, c.preferred_time,
                [&](int64_t co, const char* col, auto& f) { unseal_into(conn, co, col, f, err); });
  if (err) return err;
  return c;
}

}  // namespace

Result<std::optional<callback_record>> find_callback_of_call(connection& conn, tenant_scope scope,
                                                             const std::string& retell_call_id) {
  auto rs = conn.query(std::string{callback_select} +
                           "WHERE company_id = ? AND retell_call_id = ? ORDER BY id LIMIT 1",
                       {scope.company_id(), retell_call_id});
  if (!rs) return std::move(rs.error());
  if (rs->empty()) return std::optional<callback_record>{};
  auto c = read_callback(conn, (*rs)[0]);
  if (!c) return std::move(c.error());
  return std::optional<callback_record>{std::move(*c)};
}

Result<std::vector<callback_record>> customer_callbacks(
    connection& conn, tenant_scope scope, int64_t customer_id,
    const std::optional<std::string>& phone_e164) {
  auto index = caller_index(conn, scope.company_id(), phone_e164);
  if (!index) return std::move(index.error());
  auto rs = conn.query(std::string{callback_select} +
                           "WHERE company_id = ? AND (customer_id = ? OR "
                           "(phone_index IS NOT NULL AND phone_index = ?)) ORDER BY id",
                       {scope.company_id(), customer_id, *index});
  if (!rs) return std::move(rs.error());
  std::vector<callback_record> out;
  for (const auto& r : *rs) {
    auto c = read_callback(conn, r);
    if (!c) return std::move(c.error());
    out.push_back(std::move(*c));
  }
  return out;
}

namespace {

/// The request's row, its personal fields sealed and its number indexed.
Result<int64_t> insert_request(connection& conn, tenant_scope scope, const callback_request& plain,
                               int64_t now_ms) {
  callback_request req = plain;
  auto index = caller_index(conn, scope.company_id(), plain.phone_e164);
  if (!index) return std::move(index.error());
  caf::error err;
  each_personal(scope.company_id(), req.phone_e164, req.name, req.reason, req.preferred_time,
                [&](int64_t co, const char* col, auto& f) { seal_into(conn, co, col, f, err); });
  if (err) return err;
  const std::string insert =
      "INSERT INTO callback_requests (company_id, branch_id, retell_call_id, customer_id, "
      "phone_e164, phone_index, name, reason, preferred_time, status, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)";
  return conn.execute(insert,
                      {scope.company_id(), req.branch_id, req.retell_call_id, req.customer_id,
                       req.phone_e164, *index, req.name, req.reason, req.preferred_time, now_ms});
}

Result<callback_outcome> record_in(connection& conn, tenant_scope scope,
                                   const callback_request& req, int64_t now_ms) {
  auto inserted = insert_request(conn, scope, req, now_ms);
  // A plain INSERT: a second request of the call is errc::conflict on the unique key. (The
  // do-nothing form's affected-row count cannot tell a duplicate apart on MySQL.)
  bool existing = !inserted && code_of(inserted.error()) == errc::conflict;
  if (!inserted && !existing) return std::move(inserted.error());
  auto found = find_callback_of_call(conn, scope, req.retell_call_id);
  if (!found) return std::move(found.error());
  if (!*found) return make_error(errc::storage, "callback_requests: row vanished after insert");
  if (!existing && req.outbox)
    if (auto ok = apply_outbox(conn, req.outbox(**found), now_ms); !ok)
      return std::move(ok.error());
  if (!existing) {
    const auto payload = "{\"callback\":" + std::to_string((*found)->id) + "}";
    if (auto ok = append_audit(conn, scope, req.who, "callback.requested", payload, now_ms); !ok)
      return std::move(ok.error());
  }
  return callback_outcome{std::move(**found), existing};
}

}  // namespace

Result<callback_outcome> record_callback(connection& conn, tenant_scope scope,
                                         const callback_request& req, int64_t now_ms) {
  return with_transaction(conn, [&](connection& c) { return record_in(c, scope, req, now_ms); });
}

}  // namespace askpro::persistence
