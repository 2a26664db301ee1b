#pragma once
/// A subscription to one Redis channel on a thread of its own (a subscribed connection can do
/// nothing else): each message's payload goes to `on_message`. After a lost connection it
/// connects and subscribes again with growing pauses (100 ms … 5 s); messages published while it
/// is away are lost, so subscribers use it only for hints whose loss a TTL bounds (cache drops).
/// Thread-safety: construct and destroy from one thread; `on_message` runs on the subscriber's
/// thread. Ownership: owns its thread and connection; the destructor stops and joins (within
/// about 250 ms).

#include "persistence/redis/redis_url.hpp"

#include <atomic>
#include <functional>
#include <string>
#include <thread>

namespace askpro::persistence {

class redis_subscriber {
 public:
  redis_subscriber(redis_endpoint endpoint, std::string channel,
                   std::function<void(const std::string&)> on_message);
  ~redis_subscriber();
  redis_subscriber(const redis_subscriber&) = delete;
  redis_subscriber& operator=(const redis_subscriber&) = delete;

  /// True while subscribed (for inspection and tests).
  bool subscribed() const { return subscribed_.load(); }

 private:
  void run();

  redis_endpoint endpoint_;
  std::string channel_;
  std::function<void(const std::string&)> on_message_;
  std::atomic<bool> stop_{false}, subscribed_{false};
  std::thread thread_;
};

}  // namespace askpro::persistence
