#include "net/http/router.hpp"

#include "net/http/http_metrics.hpp"
#include "net/http/request_id.hpp"
#include "runtime/log.hpp"

#include <algorithm>

namespace askpro::net::http {

router& router::get(const std::string& pattern, handler h, const std::string& label) {
  remember("GET", pattern);
  remember("HEAD", pattern);
  server_.Get(pattern, wrap(std::move(h), pattern, label, "GET"));
  return *this;
}

router& router::post(const std::string& pattern, handler h, const std::string& label) {
  remember("POST", pattern);
  server_.Post(pattern, wrap(std::move(h), pattern, label, "POST"));
  return *this;
}

router& router::put(const std::string& pattern, handler h, const std::string& label) {
  remember("PUT", pattern);
  server_.Put(pattern, wrap(std::move(h), pattern, label, "PUT"));
  return *this;
}

router& router::patch(const std::string& pattern, handler h, const std::string& label) {
  remember("PATCH", pattern);
  server_.Patch(pattern, wrap(std::move(h), pattern, label, "PATCH"));
  return *this;
}

router& router::del(const std::string& pattern, handler h, const std::string& label) {
  remember("DELETE", pattern);
  server_.Delete(pattern, wrap(std::move(h), pattern, label, "DELETE"));
  return *this;
}

std::vector<std::string> router::methods_matching(const std::string& path) const {
  std::vector<std::string> out;
  for (const auto& [method, re] : routes_)
    if (std::regex_match(path, re)) out.push_back(method);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void router::remember(const char* method, const std::string& pattern) {
  routes_.emplace_back(method, std::regex(pattern));
}

router::handler router::wrap(handler h, const std::string& pattern, const std::string& label,
                             const char* method) {
  const auto route = label.empty() ? route_label(pattern) : label;
  auto* stats = &stats_for(route, method);
  auto* head = std::string_view(method) == "GET" ? &stats_for(route, "HEAD") : stats;
  return [h = std::move(h), stats, head](const httplib::Request& req, httplib::Response& res) {
    serving(req.method == "HEAD" ? head : stats);
    runtime::correlation_scope scope(res.get_header_value(request_id_header));
    h(req, res);
  };
}

}  // namespace askpro::net::http
