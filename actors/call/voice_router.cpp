#include "actors/call/voice_router.hpp"

#include "actors/call/event_batcher.hpp"
#include "actors/call/route_cache.hpp"
#include "actors/call/voice_internal.hpp"
#include "actors/observe/business_metrics.hpp"
#include "persistence/db_client.hpp"
#include "persistence/repo/inbox_repo.hpp"
#include "persistence/repo/ledger_repo.hpp"
#include "persistence/transaction.hpp"

#include <caf/all.hpp>

#include <algorithm>

namespace askpro::actors::call {
namespace {

using persistence::connection;

caf::actor db_of(const voice_deps& deps) {
  return deps.registry->actor_at("/db");
}

void tell_session_ended(const voice_deps& deps, const tenant_route& route,
                        const std::string& call_id) {
  auto path = "/tenants/" + route.route.company_slug + "/calls/" + call_id;
  if (auto session = deps.registry->actor_at(path)) caf::anon_send(session, ended_atom::value);
}

/// The number's tenant and key read through /db now.
Result<std::optional<tenant_route>> read_route(const voice_deps& deps, const std::string& e164) {
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

/// Events after which the call's duration is known: its charge is due.
bool charges(const std::string& event) {
  return event == "call_ended" || event == "call_analyzed";
}

/// One event in its own transaction (deps without an event batcher).
Result<event_outcome> record_alone(const voice_deps& deps, persistence::tenant_scope scope,
                                   const call_event& ev, int64_t now) {
  return persistence::run_blocking<event_outcome>(
      *deps.sys, db_of(deps), persistence::access::write, deps.timeout,
      [scope, ev, now](connection& c) -> Result<event_outcome> {
        return persistence::with_transaction(c, [&](connection& tx) -> Result<event_outcome> {
          if (auto locked = lock_charged_tenants(tx, {{scope, ev.name}}); !locked)
            return std::move(locked.error());
          return apply_event(tx, scope, ev, now);
        });
      });
}

}  // namespace

Result<void> lock_charged_tenants(
    connection& c, const std::vector<std::pair<persistence::tenant_scope, std::string>>& events) {
  std::vector<int64_t> ids;
  for (const auto& [scope, name] : events)
    if (charges(name)) ids.push_back(scope.company_id());
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (auto id : ids)
    if (auto locked = persistence::lock_company_balance(c, persistence::tenant_scope{id}); !locked)
      return locked;
  return caf::unit;
}

Result<event_outcome> apply_event(connection& c, persistence::tenant_scope scope,
                                  const call_event& ev, int64_t now) {
  // First delivery: the inbox row goes in already processed, in the transaction that applies it.
  auto stored = persistence::record_applied_event(c, "retell", ev.external_id, ev.name, now);
  if (!stored) return std::move(stored.error());
  const bool redelivered = stored->has_value();
  const bool done = redelivered && (*stored)->processed_at;
  if (done && ev.name != "transcript_updated") return event_outcome{false};
  bool created = false;
  if (ev.name != "call_inbound") {
    auto applied = persistence::apply_call(c, scope, ev.opening, ev.update, now);
    if (!applied) return std::move(applied.error());
    created = *applied;
  }
  if (charges(ev.name))
    if (auto charged = persistence::charge_call(c, scope, ev.opening.retell_call_id, now); !charged)
      return std::move(charged.error());
  if (redelivered && !done) {  // recorded earlier, never applied (the start-up replay)
    auto marked = persistence::mark_processed(c, (*stored)->id, now);
    if (!marked) return std::move(marked.error());
  }
  return event_outcome{!done, created};
}

voice_deps with_shared_state(voice_deps deps) {
  if (!deps.routes) deps.routes = std::make_shared<route_cache>(deps.route_ttl);
  if (!deps.events) deps.events = std::make_shared<event_batcher>();
  return deps;
}

Result<std::optional<tenant_route>> route_number(const voice_deps& deps, const std::string& e164,
                                                 route_read mode) {
  if (deps.routes && mode == route_read::cached)
    if (auto hit = deps.routes->find(e164)) return std::move(*hit);
  auto read = read_route(deps, e164);
  if (read && deps.routes) deps.routes->put(e164, *read);
  return read;
}

Result<event_outcome> record_call_event(const voice_deps& deps, const tenant_route& route,
                                        const call_event& ev) {
  auto now = runtime::to_unix_ms(deps.clock->now());
  auto scope = route.route.scope;
  auto out =
      deps.events ? deps.events->record(deps, scope, ev, now) : record_alone(deps, scope, ev, now);
  if (out && ev.name == "call_ended") tell_session_ended(deps, route, ev.opening.retell_call_id);
  if (out)
    observe::count_call_event(
        route.route.company_slug, out->call_created,
        out->fresh && ev.name == "call_ended" ? ev.update.duration_ms : std::nullopt);
  return out;
}

}  // namespace askpro::actors::call
