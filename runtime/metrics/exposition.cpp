#include "runtime/metrics/exposition.hpp"

#include <cmath>
#include <cstdio>

namespace askpro::runtime::metrics {
namespace {

void append_escaped(std::string& out, std::string_view v) {
  for (char c : v) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '"')
      out += "\\\"";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
}

}  // namespace

std::string format_number(double v) {
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  if (std::isnan(v)) return "NaN";
  char buf[64];
  if (v == std::floor(v) && std::fabs(v) < 1e15)
    std::snprintf(buf, sizeof buf, "%.0f", v);
  else
    std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

void exposition::family(std::string_view name, std::string_view help, std::string_view type) {
  out_.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out_.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

void exposition::labels(const std::vector<label_pair>& ls, std::string_view extra_name,
                        std::string_view extra_value) {
  if (ls.empty() && extra_name.empty()) return;
  out_ += '{';
  bool first = true;
  auto one = [&](std::string_view k, std::string_view v) {
    if (!first) out_ += ',';
    first = false;
    out_.append(k).append("=\"");
    append_escaped(out_, v);
    out_ += '"';
  };
  for (const auto& [k, v] : ls) one(k, v);
  if (!extra_name.empty()) one(extra_name, extra_value);
  out_ += '}';
}

void exposition::sample(std::string_view name, const std::vector<label_pair>& ls, double value) {
  out_.append(name);
  labels(ls);
  out_.append(" ").append(format_number(value)).append("\n");
}

void exposition::histogram_series(std::string_view name, const std::vector<label_pair>& ls,
                                  const histogram& h) {
  const std::string bucket = std::string(name) + "_bucket";
  uint64_t cumulative = 0;
  for (std::size_t i = 0; i <= histogram::buckets; ++i) {
    cumulative += h.bucket(i);
    const auto le = i < histogram::buckets ? format_number(latency_bounds[i]) : "+Inf";
    out_.append(bucket);
    labels(ls, "le", le);
    out_.append(" ").append(format_number(static_cast<double>(cumulative))).append("\n");
  }
  sample(std::string(name) + "_sum", ls, h.sum_seconds());
  sample(std::string(name) + "_count", ls, static_cast<double>(cumulative));
}

}  // namespace askpro::runtime::metrics
