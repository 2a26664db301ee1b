// The GDPR export (the customer's records and its appointments as the API shows them) and the
// erasure, each one database task.
#include "actors/api/api_privacy.hpp"

#include "actors/api/api_booking.hpp"
#include "persistence/db_client.hpp"

namespace askpro::actors::api {
namespace {

using held_t = std::optional<persistence::customer_holdings>;
using erased_t = std::optional<persistence::erasure_report>;

/// Every appointment of the customer, page by page.
Result<std::vector<appointment_view>> appointments_of(const api_deps& deps, const principal& who,
                                                      int64_t id) {
  std::vector<appointment_view> out;
  persistence::appointment_filter f;
  f.customer_id = id;
  f.limit = 200;
  for (;;) {
    auto page = list_appointments(deps, who, f);
    if (!page) return std::move(page.error());
    for (auto& v : page->items) out.push_back(std::move(v));
    if (!page->more || out.empty()) return out;
    f.after = std::make_pair(out.back().record.start_at, out.back().record.id);
  }
}

}  // namespace

Result<std::optional<customer_export>> export_customer(const api_deps& deps, const principal& who,
                                                       int64_t id) {
  auto scope = who.scope;
  auto now = runtime::to_unix_ms(deps.clock->now());
  auto audit = audit_of(who);
  auto held = persistence::run_blocking<held_t>(
      *deps.sys, deps.registry->actor_at("/db"), persistence::access::write, deps.timeout,
      [scope, id, now, audit](persistence::connection& c) {
        return persistence::export_customer_records(c, scope, id, now, audit);
      });
  if (!held) return std::move(held.error());
  if (!*held) return std::optional<customer_export>{};
  auto appointments = appointments_of(deps, who, id);
  if (!appointments) return std::move(appointments.error());
  return std::optional<customer_export>{
      customer_export{std::move(**held), std::move(*appointments)}};
}

Result<erased_t> erase_customer(const api_deps& deps, const principal& who, int64_t id) {
  auto scope = who.scope;
  auto now = runtime::to_unix_ms(deps.clock->now());
  auto audit = audit_of(who);
  return persistence::run_blocking<erased_t>(
      *deps.sys, deps.registry->actor_at("/db"), persistence::access::write, deps.timeout,
      [scope, id, now, audit](persistence::connection& c) {
        return persistence::erase_customer(c, scope, id, now, audit);
      });
}

}  // namespace askpro::actors::api
