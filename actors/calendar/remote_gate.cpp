// The in-process request gate and the pool that gives every connection of one credential the
// same gate (remote_calendar.hpp).
#include "actors/calendar/remote_calendar.hpp"
#include "runtime/window_limiter.hpp"

namespace askpro::actors::calendar {
namespace {

class local_gate final : public request_gate {
 public:
  local_gate(int limit, std::chrono::milliseconds window) : limiter_(limit, window) {}

  std::optional<runtime::clock::time_point> try_acquire(runtime::clock::time_point now) override {
    std::lock_guard<std::mutex> lock{mutex_};
    return limiter_.try_acquire(now);
  }
  void pause_until(runtime::clock::time_point until) override {
    std::lock_guard<std::mutex> lock{mutex_};
    limiter_.pause_until(until);
  }

 private:
  std::mutex mutex_;
  runtime::window_limiter limiter_;
};

}  // namespace

std::shared_ptr<request_gate> make_local_gate(int limit, std::chrono::milliseconds window) {
  return std::make_shared<local_gate>(limit, window);
}

std::shared_ptr<request_gate> gate_pool::gate_for(const std::string& credential) {
  std::lock_guard<std::mutex> lock{mutex_};
  auto& gate = gates_[credential];
  if (!gate) gate = make_(credential);
  return gate;
}

}  // namespace askpro::actors::calendar
