// Verifying a tenant's audit chain (audit_repo.hpp).
#include "persistence/repo/audit_repo.hpp"

#include <utility>

namespace askpro::persistence {
namespace {

constexpr int page = 1000;

/// The first problem of `e` given the hash before it; empty when it holds.
std::string check_event(int64_t company_id, const audit_event& e, const std::string& before) {
  if (e.prev_hash != before)
    return "does not follow the event before it (an event was removed or inserted there)";
  if (audit_hash(company_id, e) != e.hash)
    return "was altered (its hash does not match its content)";
  return {};
}

}  // namespace

Result<audit_verdict> verify_audit(connection& conn, tenant_scope scope) {
  auto head = conn.query("SELECT audit_head FROM companies WHERE id = ?", {scope.company_id()});
  if (!head) return std::move(head.error());
  if (head->empty()) return make_error(errc::not_found, "audit: no such company");
  auto recorded = (*head)[0].get<std::string>(0);
  if (!recorded) return std::move(recorded.error());
  audit_verdict v;
  std::string last;
  for (int64_t after = 0;;) {
    auto events = list_audit(conn, scope, after, page);
    if (!events) return std::move(events.error());
    for (const auto& e : *events) {
      if (auto problem = check_event(scope.company_id(), e, last); !problem.empty()) {
        v.broken_at = e.id;
        v.problem = std::move(problem);
        return v;
      }
      last = e.hash;
      after = e.id;
      ++v.events;
    }
    if (static_cast<int>(events->size()) < page) break;
  }
  if (last != *recorded) {
    v.broken_at = 0;
    v.problem = "ends before its recorded head (its newest events were removed)";
  }
  return v;
}

Result<std::vector<tenant_audit>> verify_audits(connection& conn,
                                                const std::optional<std::string>& slug) {
  auto rs = slug ? conn.query("SELECT id, slug FROM companies WHERE slug = ?", {*slug})
                 : conn.query("SELECT id, slug FROM companies ORDER BY id");
  if (!rs) return std::move(rs.error());
  if (slug && rs->empty()) return make_error(errc::not_found, "no tenant " + *slug);
  std::vector<tenant_audit> out;
  for (const auto& r : *rs) {
    auto id = r.get<int64_t>(0);
    auto name = r.get<std::string>(1);
    if (!id || !name) return make_error(errc::storage, "audit: unreadable company row");
    auto verdict = verify_audit(conn, tenant_scope{*id});
    if (!verdict) return std::move(verdict.error());
    out.push_back({std::move(*name), std::move(*verdict)});
  }
  return out;
}

}  // namespace askpro::persistence
