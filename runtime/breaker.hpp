#pragma once
/// A circuit-breaker actor: a supervisor of ONE child with Akka's breaker semantics on top
/// (see breaker_fsm.hpp for the states and transitions).
///
/// The child is registered in the tree as `<path>/<child.id>` (parent `<path>`), restarted by
/// `child.restart` when it crashes (restarts counted in the registry), and stopped with the
/// breaker. Every message that is not the breaker's own protocol below is FORWARDED to the
/// child as a request with `call_timeout`, and the child's answer (or error) is relayed to the
/// original requester. Asynchronous messages (sends, not requests) are passed on untracked.
///
/// Own protocol:
///   (inspect_atom)        -> std::string JSON: breaker (closed | open | half_open; also as
///                            `state` for older readers), consecutive_failures, max_failures,
///                            total_failures, total_successes, total_rejections, reset_timeout_ms,
///                            base_reset_timeout_ms, max_reset_timeout_ms, call_timeout_ms,
///                            opened_at (ISO-8601 or null), next_trial_at (when open: the
///                            first moment a trial call may go), trial_in_flight, calls_in_flight,
///                            transitions [{from,to,at,reason}] (last 16), child,
///                            child_restarts, child_running
///   (breaker_state_atom)  -> std::string "closed" | "open" | "half_open"
///   (breaker_reset_atom)  -> caf::ok_atom   force closed, reset timeout back to base
///   (breaker_open_atom)   -> caf::ok_atom   force open (the reset timeout starts now)
///   (restart_child_atom, id), (stop_child_atom, id) -> as a supervisor's, for the one child
///
/// Errors coming back from forwarded requests: make_error(open_error, …) at once while open (and
/// for the others while a half-open trial runs); errc::timeout when the child did not answer
/// within call_timeout; errc::unavailable when the child is down, not started, or goes down while
/// the call is in flight (at once, not after call_timeout); the child's own askpro errors
/// unchanged. Time for the reset timeout comes from `clock` and is evaluated lazily
/// on the next request (or state query), so tests move a manual clock instead of sleeping.
/// Thread-safety: talk to it by messages only. Ownership: the breaker owns its child.

#include "runtime/breaker_fsm.hpp"
#include "runtime/clock.hpp"
#include "runtime/error.hpp"
#include "runtime/supervisor.hpp"
#include "runtime/tree_registry.hpp"

#include <caf/actor.hpp>
#include <caf/fwd.hpp>

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace askpro::runtime {

struct breaker_spec {
  std::string path;  ///< the breaker's own tree path (set by `breaker_start` from its parent)
  child_spec child;  ///< the one supervised child
  int max_failures = 5;
  std::chrono::milliseconds call_timeout{1000};
  std::chrono::milliseconds reset_timeout{10000};
  std::chrono::milliseconds max_reset_timeout{300000};
  double multiplier = 2.0;
  errc open_error =
      errc::unavailable;  ///< fail-fast code while open (calendars: calendar_unavailable)
  int intensity = 5;      ///< child restarts allowed …
  std::chrono::milliseconds period{10000};  ///< … within this window, else the breaker exits
  registry_ptr registry;                    ///< required
  clock_ptr clock;                          ///< required
  /// Which error answers count as failures; empty means `default_is_failure`.
  std::function<bool(const caf::error&)> is_failure;
};

/// Timeouts, errors outside the askpro category (broken promise, child down, …) and the askpro
/// codes timeout, storage, unavailable, internal and calendar_unavailable. Business errors
/// (slot_taken, not_found, invalid_argument, …) are answers of a healthy child: not failures.
bool default_is_failure(const caf::error& err);

/// A breaker's state for the metrics, read without messaging it: 0 closed, 1 half-open, 2 open
/// (open until a call or a look moves it to half-open); nullopt when `handle` is no breaker.
std::optional<int> breaker_state_code(const caf::actor& handle);

/// Spawns a breaker (its child starts asynchronously; requests sent before wait for it).
caf::actor spawn_breaker(caf::actor_system& sys, breaker_spec spec);

/// A start function for a breaker under a supervisor: `spec.path` is taken from the start path.
start_fn breaker_start(breaker_spec spec);

}  // namespace askpro::runtime
