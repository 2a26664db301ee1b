#pragma once
/// Latency samples of one benchmark configuration and their one-line report.
/// Thread-safety: a `samples` object is filled by one thread; merge them afterwards.

#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace askpro::bench {

struct samples {
  std::vector<double> latencies_ms;
  int errors = 0;

  void add(std::chrono::steady_clock::duration d);
  void merge(const samples& other);
};

/// One client thread of `run_clients`: its index, its samples, and the flag that ends its loop.
using client_loop = std::function<void(int index, samples& mine, const std::atomic<bool>& stop)>;

/// `clients` threads each running `loop` for `seconds` (the measured window); prints the row
/// `label` with their merged samples.
void run_clients(const std::string& label, int clients, std::chrono::seconds seconds,
                 const client_loop& loop);

/// Prints the column headers of `print_row`.
void print_header();

/// One line: label, requests, errors, requests/s over `wall`, p50, p99, max (ms), and how many
/// requests took over 30 ms, 900 ms and 4.5 s (the Nagle, backlog and keep-alive tails).
void print_row(const std::string& label, samples s, std::chrono::steady_clock::duration wall);

}  // namespace askpro::bench
