#include "net/http/router.hpp"

#include "net/http/request_id.hpp"
#include "runtime/log.hpp"

#include <algorithm>

namespace askpro::net::http {

router& router::get(const std::string& pattern, handler h) {
  remember("GET", pattern);
  remember("HEAD", pattern);
  server_.Get(pattern, in_correlation_scope(std::move(h)));
  return *this;
}

router& router::post(const std::string& pattern, handler h) {
  remember("POST", pattern);
  server_.Post(pattern, in_correlation_scope(std::move(h)));
  return *this;
}

router& router::put(const std::string& pattern, handler h) {
  remember("PUT", pattern);
  server_.Put(pattern, in_correlation_scope(std::move(h)));
  return *this;
}

router& router::patch(const std::string& pattern, handler h) {
  remember("PATCH", pattern);
  server_.Patch(pattern, in_correlation_scope(std::move(h)));
  return *this;
}

router& router::del(const std::string& pattern, handler h) {
  remember("DELETE", pattern);
  server_.Delete(pattern, in_correlation_scope(std::move(h)));
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

router::handler router::in_correlation_scope(handler h) {
  return [h = std::move(h)](const httplib::Request& req, httplib::Response& res) {
    runtime::correlation_scope scope(res.get_header_value(request_id_header));
    h(req, res);
  };
}

}  // namespace askpro::net::http
