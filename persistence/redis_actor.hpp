#pragma once
/// The Redis client actor (/redis, optional by config): a detached actor holding one hiredis
/// connection. After any connection error it drops the context and rebuilds it — at once, then
/// with exponential backoff (100 ms … 5 s) in the background — and before each command it checks
/// (without blocking) whether the server closed the socket, so a killed or timed-out connection
/// is replaced before the command is sent. Commands are sent at most once (never retried).
///
///   (redis_cmd_atom, std::vector<std::string> argv) -> redis_reply  (a server error such as
///                                       WRONGTYPE is a reply of kind error, not a failure)
///   (runtime::ping_atom)    -> caf::ok_atom when PING answers PONG
///   (runtime::inspect_atom) -> std::string JSON {endpoint, connected, last_error, reconnects,
///                                               commands, failures}
///
/// Thread-safety: messages only. Ownership: owns its connection.
/// Errors: errc::unavailable while disconnected (with the last connection error), or when the
/// connection broke during the command (the command may or may not have run); errc::config for
/// an invalid URL.

#include "config/settings.hpp"
#include "persistence/redis/redis_reply.hpp"
#include "persistence/redis/redis_url.hpp"
#include "runtime/supervisor.hpp"
#include "runtime/tree_registry.hpp"

#include <caf/actor.hpp>
#include <caf/atom.hpp>
#include <caf/fwd.hpp>

#include <chrono>

namespace askpro::persistence {

/// `(redis_cmd_atom, std::vector<std::string> argv)` -> redis_reply.
using redis_cmd_atom = caf::atom_constant<caf::atom("rediscmd")>;

struct redis_options {
  std::chrono::milliseconds timeout{2000};      ///< connect and per-command timeout
  std::chrono::milliseconds min_backoff{100};   ///< first wait after a failed reconnect
  std::chrono::milliseconds max_backoff{5000};  ///< longest wait between attempts
};

/// Spawns the actor (detached); it connects right away. `endpoint` errors from parsing are
/// reported by every request.
caf::actor spawn_redis(caf::actor_system& sys, Result<redis_endpoint> endpoint,
                       redis_options options = {});

/// The child spec of /redis for the root supervisor (id "redis", permanent).
runtime::child_spec redis_child_spec(const config::redis_settings& settings,
                                     redis_options options = {});

/// Same; the registry is not needed (the parent supervisor registers /redis).
inline runtime::child_spec redis_child_spec(const config::redis_settings& settings,
                                            const runtime::registry_ptr&) {
  return redis_child_spec(settings);
}

}  // namespace askpro::persistence
