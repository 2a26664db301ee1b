#pragma once
/// A metric family with a fixed set of label names, e.g. askpro_calls_total{tenant}. `at` finds
/// the series of some label values without allocating (a hash of the values, then a compare) and
/// creates it on first use; series live at stable addresses until `remove`. Cardinality is the
/// caller's duty: label values come from bounded sets (route patterns, function names, tenant
/// slugs, breaker paths), never from ids.
/// Thread-safety: every member is safe from any thread (a shared mutex; updating a found
/// series is a relaxed atomic). Ownership: owns its series.

#include "runtime/metrics/exposition.hpp"
#include "runtime/metrics/metric_types.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace askpro::runtime::metrics {

template <class Metric, std::size_t N>
class family {
 public:
  using values = std::array<std::string_view, N>;

  family(std::string name, std::string help, std::array<std::string, N> label_names,
         double scale = 1.0)
      : name_(std::move(name)),
        help_(std::move(help)),
        labels_(std::move(label_names)),
        scale_(scale) {}

  Metric& at(const values& vs) {
    const auto h = hash(vs);
    {
      std::shared_lock lock(mtx_);
      if (auto* e = find(h, vs)) return e->metric;
    }
    std::unique_lock lock(mtx_);
    if (auto* e = find(h, vs)) return e->metric;
    auto e = std::make_unique<entry>();
    for (std::size_t i = 0; i < N; ++i) e->values[i] = std::string(vs[i]);
    auto& m = e->metric;
    series_.emplace(h, std::move(e));
    return m;
  }

  void remove(const values& vs) {
    const auto h = hash(vs);
    std::unique_lock lock(mtx_);
    auto [lo, hi] = series_.equal_range(h);
    for (auto it = lo; it != hi; ++it)
      if (same(*it->second, vs)) {
        series_.erase(it);
        return;
      }
  }

  /// The current value of one series (0 when it does not exist); for tests and `rt.metrics`.
  double value(const values& vs) const {
    std::shared_lock lock(mtx_);
    auto* e = find(hash(vs), vs);
    return e ? static_cast<double>(e->metric.value()) * scale_ : 0.0;
  }

  const std::string& name() const { return name_; }

  void render(exposition& out, const char* type) const {
    out.family(name_, help_, type);
    std::shared_lock lock(mtx_);
    std::vector<const entry*> sorted;
    sorted.reserve(series_.size());
    for (const auto& [h, e] : series_) sorted.push_back(e.get());
    std::sort(sorted.begin(), sorted.end(),
              [](const entry* a, const entry* b) { return a->values < b->values; });
    for (const auto* e : sorted) render_one(out, *e);
  }

 private:
  struct entry {
    std::array<std::string, N> values;
    Metric metric;
  };

  static uint64_t hash(const values& vs) {
    uint64_t h = 1469598103934665603ull;  // FNV-1a over the values, 0xff between them
    for (const auto& v : vs) {
      for (unsigned char c : v) h = (h ^ c) * 1099511628211ull;
      h = (h ^ 0xffu) * 1099511628211ull;
    }
    return h;
  }
  static bool same(const entry& e, const values& vs) {
    for (std::size_t i = 0; i < N; ++i)
      if (e.values[i] != vs[i]) return false;
    return true;
  }
  entry* find(uint64_t h, const values& vs) const {
    auto [lo, hi] = series_.equal_range(h);
    for (auto it = lo; it != hi; ++it)
      if (same(*it->second, vs)) return it->second.get();
    return nullptr;
  }
  std::vector<label_pair> pairs(const entry& e) const {
    std::vector<label_pair> ls;
    for (std::size_t i = 0; i < N; ++i) ls.emplace_back(labels_[i], e.values[i]);
    return ls;
  }
  void render_one(exposition& out, const entry& e) const {
    if constexpr (std::is_same_v<Metric, histogram>)
      out.histogram_series(name_, pairs(e), e.metric);
    else
      out.sample(name_, pairs(e), static_cast<double>(e.metric.value()) * scale_);
  }

  std::string name_;
  std::string help_;
  std::array<std::string, N> labels_;
  double scale_;
  mutable std::shared_mutex mtx_;
  std::unordered_multimap<uint64_t, std::unique_ptr<entry>> series_;
};

}  // namespace askpro::runtime::metrics
