#pragma once
/// Supervisor actors with Erlang/OTP semantics (strategies, restart types, intensity/period,
/// ordered start and reverse-ordered stop with a shutdown timeout, escalation by exiting).
///
/// Protocol (all requests answer an error of category askpro on failure):
///   (start_child_atom, std::string id, caf::message args) -> caf::actor   simple_one_for_one
///   (start_child_atom, child_spec spec)                   -> caf::actor   other strategies
///   (stop_child_atom, std::string id)                     -> caf::ok_atom stops and forgets it
///   (restart_child_atom, std::string id)                  -> caf::actor   stop, then start again
///   (child_atom, std::string id)                          -> caf::actor   current incarnation
///   (which_children_atom)                                 -> std::vector<std::string> ids in order
///   (inspect_atom)                                        -> std::string JSON summary
///   (ping_atom)                                           -> caf::ok_atom (answered once the
///                                                            static children started)
/// Thread-safety: talk to it by messages only. Ownership: the supervisor owns its children; they
/// are monitored and linked one way: however the supervisor ends (even by exit_reason::kill), its
/// live children get an exit with that reason. (A real CAF link would also turn a child killed
/// with exit_reason::kill into a killed supervisor, since CAF 0.17 propagates kill over links.)
///
/// Semantics (Erlang/OTP): children start in order and stop in reverse order; a stop is
/// exit(user_shutdown) and, after `child_spec::shutdown` without a down message, exit(kill)
/// (a shutdown of 0 kills at once). A transient child counts a normal exit (no error,
/// exit_reason::normal or exit_reason::user_shutdown) as final. More than `intensity` restarts
/// within `period` (by `clock`) stop all children and exit with errc::internal "restart intensity
/// exceeded", which the parent supervisor sees as an abnormal exit of its child. An exit from any
/// actor that is not one of its children (the parent, an operator) stops the children in reverse
/// order and exits with that reason; a normal exit from a non-child is ignored, and so is an exit
/// from a child that linked itself to the supervisor (its down message drives the restart;
/// exit_reason::kill over such a link cannot be trapped in CAF and kills the supervisor).
/// Registry: each child at join(path, id) with kind, parent = path, status, start time (clock),
/// restarts and last exit reason; removed when stopped for good (stop_child, a temporary or
/// finished transient child, the supervisor's end).
/// Errors: errc::not_found (unknown id), errc::conflict (id taken), errc::invalid_argument (wrong
/// start_child form for the strategy, bad id), errc::internal (a start function failed),
/// errc::unavailable (shutting down, or the child is down while being restarted).

#include "runtime/clock.hpp"
#include "runtime/tree_registry.hpp"

#include <caf/actor.hpp>
#include <caf/allowed_unsafe_message_type.hpp>
#include <caf/fwd.hpp>
#include <caf/message.hpp>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace askpro::runtime {

enum class strategy { one_for_one, one_for_all, rest_for_one, simple_one_for_one };
enum class restart_type { permanent, transient, temporary };

const char* to_string(strategy s);
const char* to_string(restart_type r);

/// Spawns one incarnation of a child. `path` is the child's tree path; `args` are the arguments
/// of `start_child` (empty for static children). Must return a valid actor; throwing is a bug.
using start_fn = std::function<caf::actor(caf::actor_system& sys, const std::string& path,
                                          const caf::message& args)>;

struct child_spec {
  std::string id;    ///< path segment, unique among siblings
  std::string kind;  ///< shown in the tree ("booking", "breaker", …)
  start_fn start;
  restart_type restart = restart_type::permanent;
  std::chrono::milliseconds shutdown{5000};  ///< grace before an orderly stop becomes a kill
};

struct supervisor_spec {
  std::string path;  ///< this supervisor's own path ("/" for the root)
  std::string kind = "supervisor";
  strategy strat = strategy::one_for_one;
  int intensity = 3;                       ///< restarts allowed …
  std::chrono::milliseconds period{5000};  ///< … within this window
  std::vector<child_spec> children;        ///< static children, started in order
  child_spec child_template;               ///< simple_one_for_one only
  registry_ptr registry;                   ///< required
  clock_ptr clock;                         ///< required (restart window, start times)
};

/// Spawns a supervisor, which starts its static children in order before it handles messages.
/// Blocks until the static children are started (and registered): call it from a non-actor
/// thread; inside a tree use `supervisor_start`. The root ("/") registers itself in the registry.
caf::actor spawn_supervisor(caf::actor_system& sys, supervisor_spec spec);

/// A start function for a nested supervisor: `spec.path` is taken from the start path. Does not
/// block; the nested supervisor starts its children before it handles its first message.
start_fn supervisor_start(supervisor_spec spec);

}  // namespace askpro::runtime

// child_spec travels in local messages only (it holds a std::function).
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::runtime::child_spec)
