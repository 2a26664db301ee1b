#pragma once
/// The subtree of one loaded tenant, started under /tenants by the tenant directory:
///
///   /tenants/<slug>                          supervisor, rest_for_one (kind "tenant")
///     calendars                              supervisor, one_for_one
///       calendars/<branch>                   supervisor, one_for_one (one per active branch)
///         calendars/<branch>/breaker         circuit breaker, open_error calendar_unavailable
///           calendars/<branch>/breaker/conn  calendar connection (internal provider, or the
///                                            remote provider of a Cal.com branch)
///     booking                                booking actor (booking_actor.hpp)
///     calls                                  simple_one_for_one, temporary children (empty
///                                            until call sessions exist)
///     billing                                the tenant's ledger writer (billing/billing.hpp)
///
/// Order: calendars start before booking (rest_for_one restarts what depends on a restarted
/// sibling: a new calendars subtree restarts booking and calls with it; a crashed booking actor
/// restarts alone with calls). The booking actor finds connections by path per request, so it
/// needs no handles. The per-branch supervisor gives each connection a stable name
/// (calendars/<branch>) under which a second connection kind (Cal.com) can sit later.
/// The tenant child is `temporary`: a tenant that escalates is gone, not restarted in a loop;
/// the directory loads it again on next use.
/// Thread-safety: building specs is pure; the actors talk by messages only.

#include "actors/calendar/remote_provider.hpp"
#include "actors/notify/outbox_policy.hpp"
#include "actors/tenant/catalog_model.hpp"
#include "runtime/clock.hpp"
#include "runtime/supervisor.hpp"
#include "runtime/tree_registry.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace askpro::actors::tenant {

/// How branches whose calendar is external (Cal.com) get their connection: the application
/// builds this from net/calcom (actors/ knows no HTTP). Their breakers use these settings.
struct remote_calendars {
  /// The remote part of `branch`'s connection (client factory, the credential's gate, limits).
  std::function<calendar::remote_config(const tenant_model& tenant, const branch_model& branch)>
      make;
  int breaker_failures = 5;
  std::chrono::milliseconds breaker_reset{10000};
  std::chrono::milliseconds breaker_reset_max{300000};
  std::chrono::milliseconds call_timeout{10000};  ///< a whole request to the connection
};

struct tenant_options {
  /// Connections of Cal.com branches; null: those branches answer calendar_unavailable (their
  /// connection has no client) — never silently the internal calendar.
  std::shared_ptr<const remote_calendars> remote;
  /// What the node can notify by (outbox.hpp); null: changes enqueue no messages.
  notify::outbox_policy_ptr notify;
  runtime::registry_ptr registry;  ///< required
  runtime::clock_ptr clock;        ///< required
  std::string tenants_path = "/tenants";
  std::string db_path = "/db";
  std::chrono::milliseconds db_timeout{5000};
  std::chrono::milliseconds calendar_timeout{10000};  ///< the breaker's call timeout
  std::chrono::milliseconds booking_timeout{20000};   ///< booking → breaker requests
  int breaker_max_failures = 5;
  std::chrono::milliseconds breaker_reset{10000};
  std::chrono::milliseconds shutdown{5000};
};

/// The child spec of `/tenants/<model->slug>` (id = slug, kind "tenant", temporary).
runtime::child_spec tenant_child_spec(tenant_model_ptr model, const tenant_options& opts);

/// The child spec of /tenants itself for the root supervisor (id "tenants", one_for_one, no
/// static children: the directory adds tenants as they load).
runtime::child_spec tenants_child_spec(runtime::registry_ptr registry, runtime::clock_ptr clock);

}  // namespace askpro::actors::tenant
