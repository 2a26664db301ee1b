#pragma once
/// Rate limiting per key (an API token) with a token bucket: `burst` tokens, refilled at `rate`
/// per second; each request takes one. Time comes from the injected clock, so tests move it.
/// `rate_limiter` is the interface (in-process here; a Redis-backed one shares buckets between
/// nodes); `local_rate_limiter` keeps the buckets in memory.
/// Thread-safety: `take` may be called from any HTTP worker thread concurrently.

#include "runtime/clock.hpp"

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace askpro::net::http {

struct rate_decision {
  bool allowed = true;
  int64_t retry_after_s = 0;  ///< whole seconds until one token is back (when refused), ≥ 1
  int64_t remaining = 0;      ///< whole tokens left after this request
};

struct rate_limit_spec {
  double rate_per_s = 20;  ///< sustained requests per second
  double burst = 40;       ///< bucket size: requests allowed at once
};

class rate_limiter {
 public:
  virtual ~rate_limiter() = default;
  /// Takes one token from `key`'s bucket.
  virtual rate_decision take(const std::string& key) = 0;
};

class local_rate_limiter final : public rate_limiter {
 public:
  local_rate_limiter(rate_limit_spec spec, runtime::clock_ptr clock);
  rate_decision take(const std::string& key) override;

  /// Buckets currently held (full buckets idle for a while are dropped).
  std::size_t size() const;

 private:
  struct bucket {
    double tokens = 0;
    runtime::clock::time_point updated;
  };
  void prune(runtime::clock::time_point now);

  rate_limit_spec spec_;
  runtime::clock_ptr clock_;
  mutable std::mutex mtx_;
  std::unordered_map<std::string, bucket> buckets_;
  runtime::clock::time_point last_prune_{};
};

}  // namespace askpro::net::http
