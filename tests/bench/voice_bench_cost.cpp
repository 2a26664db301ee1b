// The voice benchmark's comparison: medians of the rounds without and with a feature.
#include "tests/bench/voice_bench.hpp"

#include <algorithm>
#include <cstdio>

namespace askpro::bench {
namespace {

double median(std::vector<double> xs) {
  if (xs.empty()) return 0;
  std::sort(xs.begin(), xs.end());
  const auto n = xs.size();
  return n % 2 == 1 ? xs[n / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
}

double median_of(const std::vector<round_figures>& rounds, double round_figures::*field) {
  std::vector<double> xs;
  for (const auto& r : rounds) xs.push_back(r.*field);
  return median(xs);
}

}  // namespace

void print_cost(const std::string& what, const std::vector<round_figures>& off,
                const std::vector<round_figures>& on) {
  struct figure {
    const char* label;
    double round_figures::*field;
  };
  const figure figures[] = {{"unloaded calls/s", &round_figures::unloaded},
                            {"burst calls/s", &round_figures::burst},
                            {"call_started events/s", &round_figures::started},
                            {"call_ended + charge events/s", &round_figures::ended}};
  std::printf("=== cost of %s: medians of %zu rounds without and %zu with\n", what.c_str(),
              off.size(), on.size());
  std::printf("%-30s %10s %10s %8s\n", "figure", "without", "with", "cost");
  for (const auto& f : figures) {
    const double without = median_of(off, f.field), with = median_of(on, f.field);
    const double cost = without > 0 ? 100.0 * (without - with) / without : 0;
    std::printf("%-30s %10.1f %10.1f %7.1f%%\n", f.label, without, with, cost);
  }
  std::fflush(stdout);
}

}  // namespace askpro::bench
