// Receiving an external calendar's booking events: find the branch's connection, record the
// event once in the inbox and apply it, in one database task; then drop the connection's cache.
#include "actors/calendar/external_events.hpp"

#include "actors/calendar/external_apply.hpp"
#include "actors/calendar/remote_provider.hpp"
#include "actors/observe/business_metrics.hpp"
#include "actors/tenant/tenant_directory.hpp"
#include "persistence/db_client.hpp"
#include "persistence/repo/inbox_repo.hpp"
#include "runtime/bridge.hpp"

#include <caf/all.hpp>

namespace askpro::actors::calendar {

const char* to_string(event_effect e) {
  switch (e) {
    case event_effect::created:
      return "created";
    case event_effect::cancelled:
      return "cancelled";
    case event_effect::moved:
      return "moved";
    case event_effect::no_show:
      return "no_show";
    case event_effect::duplicate:
      return "duplicate";
    default:
      return "unchanged";
  }
}

Result<external_connection> find_connection(const event_deps& deps, const std::string& tenant_slug,
                                            const std::string& branch_slug) {
  auto handle =
      runtime::ask<tenant::tenant_handle>(*deps.sys, deps.registry->actor_at("/directory"),
                                          deps.timeout, tenant::tenant_atom::value, tenant_slug);
  if (!handle) {
    if (code_of(handle.error()) == errc::invalid_argument)
      return make_error(errc::not_found, "no such tenant");
    return std::move(handle.error());
  }
  external_connection out{handle->model, handle->model->branch(branch_slug), handle->notify};
  if (!out.branch || !out.branch->calendar.calcom())
    return make_error(errc::not_found, "no Cal.com connection for this branch");
  return out;
}

namespace {

std::string inbox_key(const external_connection& conn, const external_event& ev) {
  return conn.model->slug + "/" + conn.branch->slug + "/" + ev.uid;
}

/// Tells the branch's connection that its cached slots are stale (a plain send through the
/// breaker, which passes it on).
void drop_cache(const event_deps& deps, const external_connection& conn) {
  auto path = "/tenants/" + conn.model->slug + "/calendars/" + conn.branch->slug + "/breaker";
  if (auto breaker = deps.registry->actor_at(path)) caf::anon_send(breaker, invalidate_atom::value);
}

}  // namespace

Result<event_effect> receive_event(const event_deps& deps, const external_connection& conn,
                                   const external_event& ev, const std::string& payload) {
  auto now = runtime::to_unix_ms(deps.clock->now());
  auto key = inbox_key(conn, ev);
  auto model = conn.model;
  auto branch = conn.branch;
  auto notify = conn.notify;
  auto effect = persistence::run_blocking<event_effect>(
      *deps.sys, deps.registry->actor_at("/db"), persistence::access::write, deps.timeout,
      [=](persistence::connection& c) -> Result<event_effect> {
        auto rec = persistence::record_event(c, "calcom", key, ev.trigger, payload, now);
        if (!rec) return std::move(rec.error());
        if (!rec->fresh && rec->record.processed_at) return event_effect::duplicate;
        auto applied = apply_external(c, {model, branch, notify}, ev, now);
        if (!applied) return applied;
        if (auto marked = persistence::mark_processed(c, rec->record.id, now); !marked)
          return std::move(marked.error());
        return applied;
      });
  if (effect && *effect != event_effect::duplicate && *effect != event_effect::unchanged)
    drop_cache(deps, conn);
  if (effect && *effect == event_effect::created) observe::count_booking(model->slug, "calcom");
  return effect;
}

}  // namespace askpro::actors::calendar
