#include "net/http/http_metrics.hpp"

#include "runtime/metrics/registry.hpp"

#include <deque>
#include <mutex>

namespace askpro::net::http {
namespace {

namespace metrics = runtime::metrics;

struct http_families {
  std::mutex mtx;
  std::deque<route_stats> routes;  ///< stable addresses
  metrics::family<metrics::histogram, 1> latency{"askpro_http_request_duration_seconds",
                                                 "Time from request to response, by route.",
                                                 {"route"}};
  metrics::family<metrics::counter, 2> webhooks{"askpro_webhooks_total",
                                                "Webhook deliveries by provider and outcome.",
                                                {"provider", "outcome"}};
};

http_families& families() {
  static http_families f;
  return f;
}

thread_local route_stats* current = nullptr;

bool known_method(std::string_view m) {
  for (auto k : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
    if (m == k) return true;
  return false;
}

void render_requests(metrics::exposition& out) {
  auto& f = families();
  out.family("askpro_http_requests_total", "HTTP requests by route, method and status.", "counter");
  std::lock_guard lock(f.mtx);
  for (const auto& r : f.routes)
    for (std::size_t i = 0; i < r.by_status.size(); ++i)
      if (auto n = r.by_status[i].value())
        out.sample("askpro_http_requests_total",
                   {{"route", r.route}, {"method", r.method}, {"status", std::to_string(i + 100)}},
                   static_cast<double>(n));
}

}  // namespace

route_stats& stats_for(std::string_view route, std::string_view method) {
  auto& f = families();
  std::lock_guard lock(f.mtx);
  for (auto& r : f.routes)
    if (r.route == route && r.method == method) return r;
  auto& r = f.routes.emplace_back();
  r.route = std::string(route);
  r.method = std::string(method);
  r.latency = &f.latency.at({route});
  return r;
}

std::string route_label(const std::string& pattern) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '(') {
      int depth = 1;
      const bool slash = i + 1 < pattern.size() && pattern[i + 1] == '/';
      while (++i < pattern.size() && depth > 0)
        depth += pattern[i] == '(' ? 1 : pattern[i] == ')' ? -1 : 0;
      --i;
      out += slash ? "/{}" : "{}";
    } else if (c == '\\' && i + 1 < pattern.size()) {
      out += pattern[++i];
    } else if (c == '?' || c == '^' || c == '$') {
      if (c == '?' && !out.empty() && out.back() == '/') out.pop_back();
    } else {
      out += c;
    }
  }
  return out.empty() ? "/" : out;
}

void serving(route_stats* stats) {
  current = stats;
}

void record_request(std::string_view method, int status, double seconds) {
  auto* stats = current;
  current = nullptr;
  if (!metrics::enabled()) return;
  if (!stats) {
    // Rare (refused before routing): the lookup under the lock is affordable here.
    stats = &stats_for("unmatched", known_method(method) ? method : "OTHER");
  }
  stats->latency->observe(seconds);  // before the count: a scrape that sees the request counted
  if (status >= 100 && status < 600) stats->by_status[status - 100].add();  // sees its time too
}

void count_webhook_answer(std::string_view provider, int status, bool duplicate) {
  if (!metrics::enabled()) return;
  const char* outcome = status >= 500                    ? "failed"
                        : status == 401 || status == 403 ? "bad_signature"
                        : status == 404                  ? "unknown"
                        : status >= 400                  ? "malformed"
                        : duplicate                      ? "duplicate"
                                                         : "accepted";
  families().webhooks.at({provider, outcome}).add();
}

void register_http_metrics() {
  metrics::registry::global().add("http", [](metrics::exposition& out) {
    render_requests(out);
    families().latency.render(out, "histogram");
    families().webhooks.render(out, "counter");
  });
}

}  // namespace askpro::net::http
