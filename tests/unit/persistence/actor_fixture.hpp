#pragma once
/// An actor system for persistence tests, and a /db subtree under a real root supervisor.
/// Thread-safety: use from the test thread; the system's actors run on their own threads.

#include "config/settings.hpp"
#include "runtime/clock.hpp"
#include "runtime/tree_registry.hpp"

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>

#include <chrono>
#include <string>

namespace askpro::test {

class test_system {
 public:
  test_system();
  caf::actor_system& sys() { return sys_; }

 private:
  static caf::actor_system_config& configure(caf::actor_system_config& cfg);
  caf::actor_system_config cfg_;
  caf::actor_system sys_;
};

/// Stops `a` with `reason` and waits (up to `timeout`) until it is gone; true if it went.
bool stop_and_wait(caf::actor_system& sys, const caf::actor& a, caf::error reason,
                   std::chrono::milliseconds timeout = std::chrono::seconds{15});

/// A root supervisor with /db as its only child, stopped on destruction.
class db_tree {
 public:
  explicit db_tree(const config::storage_settings& storage);
  ~db_tree();

  caf::actor_system& sys() { return system_.sys(); }
  runtime::tree_registry& registry() { return *registry_; }
  /// The current /db dispatcher.
  caf::actor db() const { return registry_->actor_at("/db"); }
  /// Stops the root supervisor (and so /db); true when it went down in time.
  bool stop();

 private:
  test_system system_;
  runtime::registry_ptr registry_;
  caf::actor root_;
};

}  // namespace askpro::test
