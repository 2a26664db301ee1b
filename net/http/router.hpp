#pragma once
/// Registers handlers on one httplib::Server. Each handler runs inside a correlation scope
/// carrying the request's `X-Request-Id`, so every log line it writes is tagged, and marks its
/// route for the HTTP metrics (http_metrics.hpp). The router
/// also remembers which methods each pattern serves, so unknown methods can answer 405.
/// Thread-safety: register routes before the server starts; `methods_matching` is const and
/// safe to call from the worker threads afterwards. Ownership: borrows the server, which must
/// outlive the router.

#include <httplib.h>

#include <functional>
#include <regex>
#include <string>
#include <utility>
#include <vector>

namespace askpro::net::http {

class router {
 public:
  using handler = std::function<void(const httplib::Request&, httplib::Response&)>;

  explicit router(httplib::Server& server) : server_(server) {}

  /// Patterns are ECMAScript regular expressions over the whole path (httplib's rules);
  /// capture groups land in `req.matches`. GET routes also answer HEAD.
  /// `label` names the route in metrics (default: the pattern with `{}` for its groups).
  router& get(const std::string& pattern, handler h, const std::string& label = {});
  router& post(const std::string& pattern, handler h, const std::string& label = {});
  router& put(const std::string& pattern, handler h, const std::string& label = {});
  router& patch(const std::string& pattern, handler h, const std::string& label = {});
  router& del(const std::string& pattern, handler h, const std::string& label = {});

  /// Methods with a route whose pattern matches `path`, sorted and unique ("GET, POST").
  std::vector<std::string> methods_matching(const std::string& path) const;

 private:
  void remember(const char* method, const std::string& pattern);
  /// Wraps `h`: correlation scope, and the route's metrics marked for the access log.
  static handler wrap(handler h, const std::string& pattern, const std::string& label,
                      const char* method);

  httplib::Server& server_;
  std::vector<std::pair<std::string, std::regex>> routes_;  ///< (method, pattern)
};

}  // namespace askpro::net::http
