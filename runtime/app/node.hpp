#pragma once
/// One running runtime: the CAF actor system, the tree registry, the clock and the root
/// supervisor with its permanent children (/db, /redis when configured, /tenants, /directory,
/// which loads tenants under /tenants on first use and stops idle ones, /notify with the
/// configured channels and /jobs, whose workers deliver the queued messages).
/// Thread-safety: construct, start and stop from one (non-actor) thread; `system()` and
/// `registry()` may be used from any thread while the node lives.
/// Ownership: owns the actor system; destroying the node waits for every actor to finish.

#include "config/settings.hpp"
#include "runtime/clock.hpp"
#include "runtime/error.hpp"
#include "runtime/tree_registry.hpp"

#include <caf/actor.hpp>
#include <caf/fwd.hpp>

#include <chrono>
#include <memory>

namespace askpro::app {

class node {
 public:
  explicit node(const config::settings& settings);
  ~node();
  node(const node&) = delete;
  node& operator=(const node&) = delete;

  /// Spawns the root supervisor and waits until its children answer. Errors: the first child
  /// that failed to come up (errc::unavailable / errc::storage).
  [[nodiscard]] Result<void> start();

  /// Stops the tree in reverse order; kills what is still running after `timeout`.
  void stop(std::chrono::milliseconds timeout);

  caf::actor_system& system();
  const runtime::registry_ptr& registry() const { return registry_; }
  const runtime::clock_ptr& clock() const { return clock_; }

 private:
  config::settings settings_;
  runtime::registry_ptr registry_;
  runtime::clock_ptr clock_;
  struct impl;
  std::unique_ptr<impl> impl_;
  caf::actor root_;
};

}  // namespace askpro::app
