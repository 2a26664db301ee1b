#pragma once
/// The process's metrics: modules register a render function per family group once (at their
/// first use) and `render` writes them all in registration order. `enabled` is the one switch
/// that instrumentation sites test before they measure (on by default; the benchmarks compare
/// both).
/// Thread-safety: all members are safe from any thread. Ownership: a process-wide singleton,
/// like a Prometheus client's default registry (several nodes in one test process share it).

#include "runtime/metrics/exposition.hpp"

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace askpro::runtime::metrics {

class registry {
 public:
  using render_fn = std::function<void(exposition&)>;

  static registry& global();

  /// Adds a group of families; `key` makes repeated registrations of one group a no-op.
  void add(const std::string& key, render_fn fn);
  void render(exposition& out) const;

 private:
  mutable std::mutex mtx_;
  std::vector<std::pair<std::string, render_fn>> groups_;
};

/// Whether instrumentation measures at all.
bool enabled() noexcept;
void set_enabled(bool on) noexcept;

}  // namespace askpro::runtime::metrics
