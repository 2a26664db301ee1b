#pragma once
// Shared pieces of the runtime suites: an actor system with a manual clock and a registry,
// probe actors that log their starts and stops, and bounded waits (no sleeps to order events).

#include "runtime/atoms.hpp"
#include "runtime/breaker.hpp"
#include "runtime/bridge.hpp"
#include "runtime/clock.hpp"
#include "runtime/error.hpp"
#include "runtime/supervisor.hpp"
#include "runtime/tree_registry.hpp"

#include <caf/all.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace askpro::testing {

using namespace std::chrono_literals;

/// Test-only messages understood by probe actors.
using crash_atom = caf::atom_constant<caf::atom("crash")>;    ///< quit with errc::internal
using finish_atom = caf::atom_constant<caf::atom("finish")>;  ///< quit normally
using args_atom =
    caf::atom_constant<caf::atom("args")>;  ///< answers caf::to_string of its start args
using path_atom = caf::atom_constant<caf::atom("path")>;  ///< answers its tree path

/// Thread-safe event log ("start:/a", "stop:/a") shared by probe actors and the test.
class probe_log {
 public:
  void add(std::string event);
  std::vector<std::string> events() const;
  /// Events that start with `prefix`, in order.
  std::vector<std::string> matching(const std::string& prefix) const;
  std::size_t count(const std::string& event) const;

 private:
  mutable std::mutex mtx_;
  std::vector<std::string> events_;
};
using probe_ptr = std::shared_ptr<probe_log>;

/// A worker that logs start/stop; `stubborn` workers trap and ignore exits (only kill works).
/// Started with one caf::actor as its args, it links itself to that actor.
runtime::start_fn probe_start(probe_ptr log, bool stubborn = false);

/// A child_spec for a probe worker.
runtime::child_spec probe_child(const std::string& id, probe_ptr log,
                                runtime::restart_type restart = runtime::restart_type::permanent,
                                std::chrono::milliseconds shutdown = 2000ms);

/// One actor system per test, with the askpro error category and a manual clock.
struct runtime_fixture {
  runtime_fixture();
  ~runtime_fixture();

  caf::actor_system_config cfg;
  std::unique_ptr<caf::actor_system> sys_ptr;
  caf::actor_system& sys;
  runtime::registry_ptr registry = std::make_shared<runtime::tree_registry>();
  std::shared_ptr<runtime::manual_clock> clock = std::make_shared<runtime::manual_clock>();
  probe_ptr log = std::make_shared<probe_log>();

  /// A supervisor spec wired to this fixture's registry and clock.
  runtime::supervisor_spec spec(const std::string& path, runtime::strategy strat,
                                std::vector<runtime::child_spec> children = {});
  /// A child spec `id` of kind "breaker" guarding a probe child "conn", wired to this fixture.
  runtime::child_spec breaker_child(const std::string& id);
  /// The handle registered at `path` (invalid when absent).
  caf::actor at(const std::string& path) const { return registry->actor_at(path); }
  int restarts(const std::string& path) const;
  /// Polls the registry until `pred` holds or `limit` passes.
  bool eventually(const std::function<bool()>& pred, std::chrono::milliseconds limit = 5000ms);
  /// Waits until `path` is registered with a running actor other than `old`.
  caf::actor replaced(const std::string& path, const caf::actor& old);
  /// Monitors `a` and waits for its down message; returns its exit reason, or nullopt on timeout.
  std::optional<caf::error> wait_down(const caf::actor& a,
                                      std::chrono::milliseconds limit = 5000ms);
  /// Remembers `a` so the fixture kills it at the end (every actor must die before the system).
  caf::actor track(caf::actor a);
  /// Spawns a supervisor (blocking until its children started) and tracks it.
  caf::actor root(runtime::supervisor_spec s);
  /// Blocking request helper.
  template <class T, class... Ts>
  Result<T> ask(const caf::actor& dest, Ts&&... xs) {
    return runtime::ask<T>(sys, dest, 5000ms, std::forward<Ts>(xs)...);
  }

 private:
  std::vector<caf::actor> spawned_;
};

}  // namespace askpro::testing
