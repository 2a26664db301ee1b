#pragma once
/// A sliding-window request limiter: at most `limit` grants in ANY interval of length `window`
/// (a token bucket of 120 refilling 2/s lets ~240 through in one minute; this never does). It
/// remembers the times of the last `limit` grants: a request may go when the oldest of them is
/// at least `window` old. A pause (a provider's 429 with Retry-After) holds every grant back
/// until it ends. Outbound clients use one per provider credential (Cal.com: per API key).
/// Time is passed in, so tests drive it with a manual clock.
/// Thread-safety: none; owned by one actor (or guarded by its owner).

#include "runtime/clock.hpp"

#include <chrono>
#include <cstddef>
#include <deque>
#include <optional>

namespace askpro::runtime {

class window_limiter {
 public:
  /// `limit` ≥ 1 grants per `window` (> 0).
  window_limiter(int limit, std::chrono::milliseconds window);

  /// Grants and records a request at `now` (nullopt), or answers the earliest time at which one
  /// may go (nothing recorded).
  std::optional<clock::time_point> try_acquire(clock::time_point now);

  /// The earliest time at or after `now` at which a request would be granted.
  clock::time_point next_free(clock::time_point now) const;

  /// Grants nothing before `until` (later pauses extend, earlier ones do not shorten).
  void pause_until(clock::time_point until);

  /// Grants within (now − window, now].
  std::size_t in_window(clock::time_point now) const;

  int limit() const { return limit_; }
  std::chrono::milliseconds window() const { return window_; }

 private:
  void forget_old(clock::time_point now);

  int limit_;
  std::chrono::milliseconds window_;
  std::deque<clock::time_point> granted_;  ///< ascending, at most limit_ entries
  std::optional<clock::time_point> paused_until_;
};

}  // namespace askpro::runtime
