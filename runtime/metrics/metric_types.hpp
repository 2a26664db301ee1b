#pragma once
/// The three metric kinds of the Prometheus text format, kept in the process with atomics so
/// that updating one never allocates or locks: a counter (monotonic, integer units), a gauge
/// (set or moved, integer) and a histogram with fixed bucket bounds.
/// Thread-safety: every member is safe from any thread (relaxed atomics; a scrape may see a
/// histogram's buckets and sum a few observations apart, which Prometheus tolerates).
/// Ownership: plain values; families (family.hpp) keep them at stable addresses.

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>

namespace askpro::runtime::metrics {

class counter {
 public:
  void add(uint64_t n = 1) noexcept { v_.fetch_add(n, std::memory_order_relaxed); }
  uint64_t value() const noexcept { return v_.load(std::memory_order_relaxed); }

 private:
  std::atomic<uint64_t> v_{0};
};

class gauge {
 public:
  void set(int64_t v) noexcept { v_.store(v, std::memory_order_relaxed); }
  void add(int64_t n) noexcept { v_.fetch_add(n, std::memory_order_relaxed); }
  int64_t value() const noexcept { return v_.load(std::memory_order_relaxed); }

 private:
  std::atomic<int64_t> v_{0};
};

/// Latency buckets in seconds, from 0.5 ms to 10 s (the SPEC's targets sit between 2 and 100 ms).
inline constexpr std::array<double, 14> latency_bounds = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

/// A histogram over `latency_bounds`; observations are seconds, summed in nanoseconds.
class histogram {
 public:
  static constexpr std::size_t buckets = latency_bounds.size();

  void observe(double seconds) noexcept {
    std::size_t i = 0;
    while (i < buckets && seconds > latency_bounds[i]) ++i;
    counts_[i].fetch_add(1, std::memory_order_relaxed);  // i == buckets: above the last bound
    const double ns = seconds > 0 ? seconds * 1e9 : 0;
    sum_ns_.fetch_add(static_cast<uint64_t>(ns), std::memory_order_relaxed);
  }

  /// Observations in bucket i alone (not cumulative); i == buckets is the +Inf remainder.
  uint64_t bucket(std::size_t i) const noexcept {
    return counts_[i].load(std::memory_order_relaxed);
  }
  double sum_seconds() const noexcept {
    return static_cast<double>(sum_ns_.load(std::memory_order_relaxed)) / 1e9;
  }

 private:
  std::array<std::atomic<uint64_t>, buckets + 1> counts_{};
  std::atomic<uint64_t> sum_ns_{0};
};

}  // namespace askpro::runtime::metrics
