#pragma once
/// The way into the voice side from a blocking thread (the Retell webhook handlers in net/): which
/// tenant a dialled number belongs to, the dynamic variables of an inbound call, recording a call
/// event once (webhook inbox + call row), and running a custom function in the call's session
/// actor (spawned on first use under /tenants/<slug>/calls). Every hop is a request with a
/// timeout: /db through run_blocking, /directory, the calls supervisor and the session through
/// runtime::ask. The decisions are here and in the session; net/ only translates.
/// Thread-safety: callable concurrently from any non-actor thread; never from an actor handler.
/// Errors: errc::timeout / unavailable when an actor does not answer, the database's errors,
/// errc::not_found when the tenant cannot be loaded.

#include "actors/call/call_session.hpp"
#include "persistence/repo/call_repo.hpp"
#include "persistence/repo/catalog_repo.hpp"
#include "runtime/clock.hpp"
#include "runtime/error.hpp"
#include "runtime/tree_registry.hpp"

#include <caf/allowed_unsafe_message_type.hpp>
#include <caf/fwd.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace askpro::actors::call {

class route_cache;
class event_batcher;

struct voice_deps {
  caf::actor_system* sys = nullptr;  ///< required; outlives every call
  runtime::registry_ptr registry;    ///< required: /db, /directory, tenants' calls supervisors
  runtime::clock_ptr clock;          ///< required
  std::chrono::milliseconds timeout{5000};           ///< per hop
  std::chrono::milliseconds function_timeout{9000};  ///< a whole function call
  std::chrono::milliseconds booking_timeout{8000};   ///< session → booking actor
  std::chrono::milliseconds grace{30000};            ///< session life after call_ended
  std::chrono::milliseconds route_ttl{2000};         ///< number → tenant and key reused this long
  /// Shared by every copy of these deps (see with_shared_state); null: no route cache and
  /// one transaction per recorded event.
  std::shared_ptr<route_cache> routes;
  std::shared_ptr<event_batcher> events;
};

/// `deps` with a route cache (route_ttl) and an event batcher where they are missing; call it
/// once before copying the deps to the handlers, so the copies share them.
[[nodiscard]] voice_deps with_shared_state(voice_deps deps);

/// The tenant a dialled number leads to, with the key its requests are signed with.
struct tenant_route {
  persistence::phone_route route;
  std::string retell_api_key;  ///< secret: never log
};

/// How route_number may answer: from the route cache (when the deps have one), or read now
/// (and remembered).
enum class route_read { cached, fresh };

/// nullopt when no active branch has the number.
[[nodiscard]] Result<std::optional<tenant_route>> route_number(
    const voice_deps& deps, const std::string& e164, route_read mode = route_read::cached);

/// Dynamic variables of an inbound call (strings): tenant, branch, today (ISO), today_de
/// ("Mittwoch, 25. November 2026"), weekday, time, tomorrow (ISO), tomorrow_de, customer_name
/// when `from_number` is a known customer of the tenant.
[[nodiscard]] Result<std::map<std::string, std::string>> inbound_variables(
    const voice_deps& deps, const tenant_route& route,
    const std::optional<std::string>& from_number);

/// A Retell event as the webhook inbox and the call record need it.
struct call_event {
  std::string name;                   ///< call_started, call_ended, …, call_inbound
  std::string external_id;            ///< the call id; for call_inbound from/to + timestamp
  persistence::call_opening opening;  ///< unused for call_inbound
  persistence::call_update update;
};

/// What recording did: `fresh` false when the event was already processed (nothing changed).
struct event_outcome {
  bool fresh = false;
  bool call_created = false;  ///< this event made the call's first record
};

/// Records the event in the inbox and applies it to the call record in one transaction, once;
/// call_ended and call_analyzed also charge the ended call there (ledger_repo.hpp charge_call:
/// once per call, whichever event or delivery comes first with the duration):
/// a redelivered, already processed event changes nothing (transcript_updated is re-applied, it
/// carries the newest transcript). call_ended also tells a live session to end after the grace.
/// With an event batcher in the deps, events recorded at the same time share one transaction
/// (one durable commit); each caller still returns only after its event is committed.
[[nodiscard]] Result<event_outcome> record_call_event(const voice_deps& deps,
                                                      const tenant_route& route,
                                                      const call_event& ev);

/// Makes sure the session of `call_id` runs (call_started spawns it before the first function).
[[nodiscard]] Result<void> start_session(const voice_deps& deps, const tenant_route& route,
                                         const std::string& call_id,
                                         const std::optional<std::string>& from_number);

/// start_session without waiting: returns at once, the session is started by a short-lived actor
/// (failures are logged; a function call starts a missing session anyway). For call_started,
/// so the webhook's 204 does not wait for the directory and the calls supervisor.
void start_session_async(const voice_deps& deps, const tenant_route& route,
                         const std::string& call_id, const std::optional<std::string>& from_number);

/// Runs the function in the session of `call_id` (spawned when missing; rebuilt when it died).
/// A running session is found in the tree registry; the directory and the calls supervisor are
/// asked only when there is none.
/// The reply is always a value for business outcomes; errors only when no session could answer.
[[nodiscard]] Result<function_reply> run_function(const voice_deps& deps, const tenant_route& route,
                                                  const std::string& call_id,
                                                  const std::optional<std::string>& from_number,
                                                  function_request request);

}  // namespace askpro::actors::call

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::call::tenant_route)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::optional<askpro::actors::call::tenant_route>)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::call::event_outcome)
