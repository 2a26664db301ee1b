#pragma once
/// Latency samples of one benchmark configuration and their one-line report.
/// Thread-safety: a `samples` object is filled by one thread; merge them afterwards.

#include <chrono>
#include <string>
#include <vector>

namespace askpro::bench {

struct samples {
  std::vector<double> latencies_ms;
  int errors = 0;

  void add(std::chrono::steady_clock::duration d);
  void merge(const samples& other);
};

/// Prints the column headers of `print_row`.
void print_header();

/// One line: label, requests, errors, requests/s over `wall`, p50, p99, max (ms), and how many
/// requests took over 30 ms, 900 ms and 4.5 s (the Nagle, backlog and keep-alive tails).
void print_row(const std::string& label, samples s, std::chrono::steady_clock::duration wall);

}  // namespace askpro::bench
