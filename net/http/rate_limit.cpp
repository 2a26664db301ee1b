#include "net/http/rate_limit.hpp"

#include <algorithm>
#include <cmath>

namespace askpro::net::http {
namespace {

double seconds_between(runtime::clock::time_point from, runtime::clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

/// A bucket idle this long has refilled completely and can be forgotten.
double full_after_s(const rate_limit_spec& spec) {
  return spec.burst / spec.rate_per_s;
}

}  // namespace

local_rate_limiter::local_rate_limiter(rate_limit_spec spec, runtime::clock_ptr clock)
    : spec_(spec), clock_(std::move(clock)) {}

rate_decision local_rate_limiter::take(const std::string& key) {
  const auto now = clock_->now();
  std::lock_guard<std::mutex> lock{mtx_};
  prune(now);
  auto [it, fresh] = buckets_.try_emplace(key, bucket{spec_.burst, now});
  bucket& b = it->second;
  if (!fresh) {
    double elapsed = std::max(0.0, seconds_between(b.updated, now));
    b.tokens = std::min(spec_.burst, b.tokens + elapsed * spec_.rate_per_s);
    b.updated = now;
  }
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return {true, 0, static_cast<int64_t>(std::floor(b.tokens))};
  }
  double wait = (1.0 - b.tokens) / spec_.rate_per_s;
  return {false, std::max<int64_t>(1, static_cast<int64_t>(std::ceil(wait))), 0};
}

std::size_t local_rate_limiter::size() const {
  std::lock_guard<std::mutex> lock{mtx_};
  return buckets_.size();
}

void local_rate_limiter::prune(runtime::clock::time_point now) {
  const double idle = full_after_s(spec_);
  if (seconds_between(last_prune_, now) < std::max(idle, 1.0)) return;
  last_prune_ = now;
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    if (seconds_between(it->second.updated, now) >= idle)
      it = buckets_.erase(it);
    else
      ++it;
  }
}

}  // namespace askpro::net::http
