#include "runtime/metrics/registry.hpp"

#include <algorithm>

namespace askpro::runtime::metrics {
namespace {

std::atomic<bool> on{true};

}  // namespace

registry& registry::global() {
  static registry r;
  return r;
}

void registry::add(const std::string& key, render_fn fn) {
  std::lock_guard lock(mtx_);
  auto same = [&](const auto& g) { return g.first == key; };
  if (std::any_of(groups_.begin(), groups_.end(), same)) return;
  groups_.emplace_back(key, std::move(fn));
}

void registry::render(exposition& out) const {
  std::vector<render_fn> fns;
  {
    std::lock_guard lock(mtx_);
    for (const auto& g : groups_) fns.push_back(g.second);
  }
  for (const auto& fn : fns) fn(out);
}

bool enabled() noexcept {
  return on.load(std::memory_order_relaxed);
}

void set_enabled(bool v) noexcept {
  on.store(v, std::memory_order_relaxed);
}

}  // namespace askpro::runtime::metrics
