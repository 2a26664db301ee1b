#pragma once
/// A token bucket per key shared by every node through Redis (config `redis.url` set): one
/// atomic Lua script (EVALSHA, EVAL when the server does not know it yet) refills and takes a
/// token in a hash `<prefix><key>` that expires once the bucket would be full again. The time
/// comes from the injected clock and travels as an argument, so tests move it and the script
/// stays deterministic.
///
/// When Redis cannot answer (the /redis actor is missing, disconnected or slow, or replies with
/// an error) the request is decided by an in-process bucket instead — never refused for it. The
/// first failure is logged once (warn), recovery once (info).
///
/// Thread-safety: `take` may be called concurrently from any non-actor thread (it blocks on a
/// request to /redis for at most `timeout`); never from an actor handler.
/// Ownership: borrows the actor system (must outlive the limiter); shares the registry.
/// Errors: none surface; Redis failures fall back as described.

#include "net/http/rate_limit.hpp"
#include "runtime/tree_registry.hpp"

#include <caf/fwd.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace askpro::net::http {

struct redis_rate_options {
  std::string redis_path = "/redis";        ///< where the Redis actor is registered
  std::string key_prefix = "askpro:rate:";  ///< Redis key of a bucket: prefix + key
  std::chrono::milliseconds timeout{250};   ///< per Redis round trip
};

class redis_rate_limiter final : public rate_limiter {
 public:
  redis_rate_limiter(rate_limit_spec spec, runtime::clock_ptr clock, caf::actor_system& sys,
                     runtime::registry_ptr registry, redis_rate_options options = {});
  rate_decision take(const std::string& key) override;

  /// Whether the last decision came from the local fallback (Redis failed).
  bool degraded() const { return degraded_.load(); }

 private:
  std::optional<rate_decision> take_shared(const std::string& key);
  void note_failure(const std::string& why);
  void note_success();

  rate_limit_spec spec_;
  runtime::clock_ptr clock_;
  caf::actor_system& sys_;
  runtime::registry_ptr registry_;
  redis_rate_options options_;
  local_rate_limiter fallback_;
  std::atomic<bool> degraded_{false};
};

/// The limiter for the API listener: shared through Redis when `redis_enabled`, otherwise
/// in-process. `sys` and `registry` are used only for the Redis variant.
std::shared_ptr<rate_limiter> make_rate_limiter(rate_limit_spec spec, runtime::clock_ptr clock,
                                                bool redis_enabled, caf::actor_system& sys,
                                                runtime::registry_ptr registry);

}  // namespace askpro::net::http
