#pragma once
/// Writes the Prometheus text exposition format 0.0.4: a `# HELP` and `# TYPE` line per family,
/// then its samples; label values escaped (backslash, quote, newline); histograms as cumulative
/// `_bucket{le=…}` series with `_sum` and `_count`.
/// Thread-safety: one writer per scrape. Errors: none (names are the caller's constants).

#include "runtime/metrics/metric_types.hpp"

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace askpro::runtime::metrics {

using label_pair = std::pair<std::string_view, std::string_view>;

class exposition {
 public:
  /// Starts a family; `type` is "counter", "gauge" or "histogram".
  void family(std::string_view name, std::string_view help, std::string_view type);
  void sample(std::string_view name, const std::vector<label_pair>& labels, double value);
  void sample(std::string_view name, std::initializer_list<label_pair> labels, double value) {
    sample(name, std::vector<label_pair>(labels), value);
  }
  /// The `_bucket`, `_sum` and `_count` series of one labelled histogram.
  void histogram_series(std::string_view name, const std::vector<label_pair>& labels,
                        const histogram& h);

  const std::string& text() const { return out_; }

 private:
  void labels(const std::vector<label_pair>& ls, std::string_view extra_name = {},
              std::string_view extra_value = {});

  std::string out_;
};

/// A number as Prometheus reads it (integers without a fraction, "+Inf").
std::string format_number(double v);

}  // namespace askpro::runtime::metrics
