#include "tests/bench/bench_stats.hpp"

#include <algorithm>
#include <cstdio>
#include <thread>

namespace askpro::bench {
namespace {

double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  auto idx = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(idx, sorted.size() - 1)];
}

long count_over(const std::vector<double>& xs, double limit_ms) {
  return std::count_if(xs.begin(), xs.end(), [&](double x) { return x > limit_ms; });
}

}  // namespace

void samples::add(std::chrono::steady_clock::duration d) {
  latencies_ms.push_back(std::chrono::duration<double, std::milli>(d).count());
}

void samples::merge(const samples& other) {
  latencies_ms.insert(latencies_ms.end(), other.latencies_ms.begin(), other.latencies_ms.end());
  errors += other.errors;
}

void print_header() {
  std::printf("%-34s %8s %6s %9s %8s %8s %8s %6s %6s %6s\n", "configuration", "requests", "errors",
              "req/s", "p50 ms", "p99 ms", "max ms", ">30ms", ">900ms", ">4.5s");
}

void print_row(const std::string& label, samples s, std::chrono::steady_clock::duration wall) {
  auto& xs = s.latencies_ms;
  std::sort(xs.begin(), xs.end());
  double secs = std::chrono::duration<double>(wall).count();
  double rps = secs > 0 ? static_cast<double>(xs.size()) / secs : 0;
  std::printf("%-34s %8zu %6d %9.0f %8.2f %8.2f %8.2f %6ld %6ld %6ld\n", label.c_str(), xs.size(),
              s.errors, rps, percentile(xs, 0.50), percentile(xs, 0.99),
              xs.empty() ? 0.0 : xs.back(), count_over(xs, 30), count_over(xs, 900),
              count_over(xs, 4500));
  std::fflush(stdout);
}

void run_clients(const std::string& label, int clients, std::chrono::seconds seconds,
                 const client_loop& loop) {
  std::vector<samples> per(static_cast<std::size_t>(clients));
  std::atomic<bool> stop{false};
  std::vector<std::thread> pool;
  const auto t0 = std::chrono::steady_clock::now();
  for (int t = 0; t < clients; ++t)
    pool.emplace_back([&, t] { loop(t, per[static_cast<std::size_t>(t)], stop); });
  std::this_thread::sleep_for(seconds);  // the measured window, not an ordering wait
  stop = true;
  for (auto& th : pool) th.join();
  samples all;
  for (const auto& s : per) all.merge(s);
  print_row(label, all, std::chrono::steady_clock::now() - t0);
}

}  // namespace askpro::bench
