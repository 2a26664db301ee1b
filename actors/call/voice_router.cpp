#include "actors/call/voice_router.hpp"

#include "persistence/db_client.hpp"
#include "persistence/repo/inbox_repo.hpp"
#include "persistence/transaction.hpp"

#include <caf/all.hpp>

namespace askpro::actors::call {
namespace {

using persistence::connection;

caf::actor db_of(const voice_deps& deps) {
  return deps.registry->actor_at("/db");
}

bool has_changes(const persistence::call_update& u) {
  return u.status || u.disconnection_reason || u.transcript || u.transcript_object || u.summary ||
         u.sentiment || u.analysis || u.started_at || u.ended_at || u.duration_ms || u.cost_cents ||
         u.customer_id || u.successful;
}

/// The inbox row and the call row, in the caller's transaction.
Result<event_outcome> apply_event(connection& c, persistence::tenant_scope scope,
                                  const call_event& ev, int64_t now) {
  auto rec = persistence::record_event(c, "retell", ev.external_id, ev.name, ev.payload, now);
  if (!rec) return std::move(rec.error());
  bool done = !rec->fresh && rec->record.processed_at;
  if (done && ev.name != "transcript_updated") return event_outcome{false};
  if (ev.name != "call_inbound") {
    auto opened = persistence::open_call(c, scope, ev.opening, now);
    if (!opened) return std::move(opened.error());
    if (has_changes(ev.update)) {
      auto upd = persistence::update_call(c, scope, ev.opening.retell_call_id, ev.update, now);
      if (!upd) return std::move(upd.error());
    }
  }
  if (!done) {
    auto marked = persistence::mark_processed(c, rec->record.id, now);
    if (!marked) return std::move(marked.error());
  }
  return event_outcome{!done};
}

void tell_session_ended(const voice_deps& deps, const tenant_route& route,
                        const std::string& call_id) {
  auto path = "/tenants/" + route.route.company_slug + "/calls/" + call_id;
  if (auto session = deps.registry->actor_at(path)) caf::anon_send(session, ended_atom::value);
}

}  // namespace

Result<std::optional<tenant_route>> route_number(const voice_deps& deps, const std::string& e164) {
  using out_t = std::optional<tenant_route>;
  return persistence::run_blocking<out_t>(
      *deps.sys, db_of(deps), persistence::access::read, deps.timeout,
      [e164](connection& c) -> Result<out_t> {
        auto route = persistence::route_phone(c, e164);
        if (!route) return std::move(route.error());
        if (!*route) return out_t{};
        auto company = persistence::find_company(c, (*route)->company_slug);
        if (!company) return std::move(company.error());
        if (!*company || (*company)->status != "active") return out_t{};
        return out_t{tenant_route{**route, (*company)->retell_api_key}};
      });
}

Result<event_outcome> record_call_event(const voice_deps& deps, const tenant_route& route,
                                        const call_event& ev) {
  auto now = runtime::to_unix_ms(deps.clock->now());
  auto scope = route.route.scope;
  auto out = persistence::run_blocking<event_outcome>(
      *deps.sys, db_of(deps), persistence::access::write, deps.timeout,
      [scope, ev, now](connection& c) -> Result<event_outcome> {
        return persistence::with_transaction(
            c, [&](connection& tx) { return apply_event(tx, scope, ev, now); });
      });
  if (out && ev.name == "call_ended") tell_session_ended(deps, route, ev.opening.retell_call_id);
  return out;
}

}  // namespace askpro::actors::call
