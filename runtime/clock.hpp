#pragma once
/// Injectable time. Production code asks a `clock`; tests hand in a `manual_clock` and move it
/// instead of sleeping. Thread-safety: both implementations may be read from any thread;
/// `manual_clock::advance`/`set` are safe to call concurrently with `now`.

#include <atomic>
#include <chrono>
#include <memory>

namespace askpro::runtime {

class clock {
 public:
  using time_point = std::chrono::system_clock::time_point;
  using duration = std::chrono::system_clock::duration;
  virtual ~clock() = default;
  /// Current wall-clock time (UTC).
  virtual time_point now() const = 0;
};

/// The real clock.
class system_clock final : public clock {
 public:
  time_point now() const override { return std::chrono::system_clock::now(); }
};

/// A clock that only moves when told to.
class manual_clock final : public clock {
 public:
  explicit manual_clock(time_point start = time_point{std::chrono::hours{24 * 365 * 56}})
      : ticks_(start.time_since_epoch().count()) {}
  time_point now() const override { return time_point{duration{ticks_.load()}}; }
  void advance(duration d) { ticks_ += d.count(); }
  void set(time_point t) { ticks_ = t.time_since_epoch().count(); }

 private:
  std::atomic<duration::rep> ticks_;
};

using clock_ptr = std::shared_ptr<const clock>;

/// A shared real clock for production wiring.
clock_ptr make_system_clock();

/// Milliseconds since the epoch of `t`.
inline int64_t to_unix_ms(clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

}  // namespace askpro::runtime
