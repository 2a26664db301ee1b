#pragma once
/// A Lua script run on /redis (persistence/redis_actor.hpp) atomically: EVALSHA with the script's
/// SHA-1, and EVAL once when the server does not know it yet (NOSCRIPT: after a restart or a
/// SCRIPT FLUSH). Used by every shared limiter (the API's token buckets, Cal.com's windows).
/// Thread-safety: `run` is callable concurrently from any non-actor thread (it blocks on a
/// request to /redis for at most `timeout` per round trip); never from an event-based handler.
/// Errors: those of the Redis actor (errc::unavailable, errc::timeout); a server error is a
/// reply of kind error, not a failure.

#include "persistence/digest.hpp"  // sha256_hex for key names derived from secrets
#include "persistence/redis/redis_reply.hpp"
#include "runtime/error.hpp"

#include <caf/fwd.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace askpro::persistence {

class redis_script {
 public:
  explicit redis_script(std::string source);

  /// Runs the script with `keys` and `args` on `redis`.
  [[nodiscard]] Result<redis_reply> run(caf::actor_system& sys, const caf::actor& redis,
                                        std::chrono::milliseconds timeout,
                                        const std::vector<std::string>& keys,
                                        const std::vector<std::string>& args) const;

  const std::string& sha() const { return sha_; }

 private:
  std::string source_, sha_;
};

}  // namespace askpro::persistence
