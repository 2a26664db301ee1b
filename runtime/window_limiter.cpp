#include "runtime/window_limiter.hpp"

#include <algorithm>
#include <cassert>

namespace askpro::runtime {

window_limiter::window_limiter(int limit, std::chrono::milliseconds window)
    : limit_(std::max(limit, 1)), window_(window) {
  assert(window.count() > 0);
}

void window_limiter::forget_old(clock::time_point now) {
  while (!granted_.empty() && granted_.front() + window_ <= now) granted_.pop_front();
}

clock::time_point window_limiter::next_free(clock::time_point now) const {
  auto at = now;
  if (paused_until_ && *paused_until_ > at) at = *paused_until_;
  if (static_cast<int>(granted_.size()) < limit_) return at;
  // The grant that must leave the window before another may go.
  auto oldest = granted_[granted_.size() - static_cast<std::size_t>(limit_)];
  return std::max(at, oldest + window_);
}

std::optional<clock::time_point> window_limiter::try_acquire(clock::time_point now) {
  forget_old(now);
  auto at = next_free(now);
  if (at > now) return at;
  granted_.push_back(now);
  if (static_cast<int>(granted_.size()) > limit_) granted_.pop_front();
  return std::nullopt;
}

void window_limiter::pause_until(clock::time_point until) {
  if (!paused_until_ || until > *paused_until_) paused_until_ = until;
}

std::size_t window_limiter::in_window(clock::time_point now) const {
  return static_cast<std::size_t>(std::count_if(
      granted_.begin(), granted_.end(), [&](auto t) { return t + window_ > now && t <= now; }));
}

}  // namespace askpro::runtime
