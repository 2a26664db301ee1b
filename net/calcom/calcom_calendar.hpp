#pragma once
/// Cal.com as an external calendar of the runtime: the remote_calendar of actors/calendar over
/// the API v2 client (client.hpp), and the remote_calendars the tenant supervisor uses to start
/// a connection for every branch whose tenant file says `"calendar": {"provider": "calcom"}`.
///
/// Per branch: a client of the branch's API key and base URL (`calcom.base_url` unless the
/// tenant file names one), `calcom.timeout_ms` per request; one request gate per API key shared
/// by every branch using that key (`calcom.rate_per_min` in any 60 s — in-process, or through
/// Redis when a gate maker for it is given); breakers from `calcom.breaker_*`; the slot cache
/// for `calcom.cache_ttl_ms`.
/// Thread-safety: the calendar has one owner (the connection's worker); the remote_calendars
/// may be shared by every tenant. Ownership: the calendar owns its client.

#include "actors/calendar/remote_calendar.hpp"
#include "actors/tenant/tenant_supervisor.hpp"
#include "config/settings.hpp"
#include "runtime/tree_registry.hpp"

#include <caf/fwd.hpp>

#include <functional>
#include <memory>

namespace askpro::net::calcom {

/// A remote_calendar speaking Cal.com API v2 at `base_url` with `api_key`.
std::unique_ptr<actors::calendar::remote_calendar> make_calcom_calendar(
    std::string base_url, std::string api_key, std::chrono::milliseconds timeout);

class slot_invalidations;

/// What connections on several nodes share: one request gate per API key, the L2 slot cache
/// per account and the subscription that drops the other nodes' caches. All empty: in-process
/// gates of `calcom.rate_per_min` per 60 s and per-connection caches only.
struct calcom_sharing {
  std::shared_ptr<actors::calendar::gate_pool> gates;
  /// The shared cache of an account (see redis_slots.hpp `account_of`).
  std::function<std::unique_ptr<actors::calendar::shared_slots>(const std::string& account)> slots;
  std::shared_ptr<slot_invalidations> invalidations;
};

/// The connections of Cal.com branches.
std::shared_ptr<const actors::tenant::remote_calendars> make_remote_calendars(
    const config::settings& settings, calcom_sharing sharing = {});

/// Sharing through Redis (/redis in `registry`, the subscription on `redis.url`) when
/// `redis.url` is set, none otherwise. Redis names start with `prefix` (`window:`, `slots:`,
/// `invalidate`).
calcom_sharing make_sharing(const config::settings& settings, caf::actor_system& sys,
                            runtime::registry_ptr registry,
                            const std::string& prefix = "askpro:calcom:");

}  // namespace askpro::net::calcom
