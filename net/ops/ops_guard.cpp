#include "net/ops/ops_guard.hpp"

#include "net/http/bearer.hpp"
#include "net/http/respond.hpp"
#include "net/ops/console_routes.hpp"

#include <spdlog/spdlog.h>

#include <cctype>

namespace askpro::net::ops {

http::pre_route_check make_ops_guard(std::string token) {
  return [token = std::move(token)](const httplib::Request& req, httplib::Response& res) {
    if ((req.method == "GET" || req.method == "HEAD") && req.path == console_path) return false;
    if (http::bearer_matches(req.get_header_value("Authorization"), token)) return false;
    spdlog::warn("ops: refused {} {} (missing or wrong token)", req.method, req.path);
    res.set_header("WWW-Authenticate", "Bearer");
    auto detail = token.empty() ? "the ops API is disabled: no ops token is configured"
                                : "a valid ops bearer token is required";
    http::respond_problem(res, http::problem_for_status(401, detail));
    return true;
  };
}

std::string ops_caller(const httplib::Request& req) {
  std::string user;
  for (char c : req.get_header_value("X-Ops-User")) {
    if (user.size() == 64) break;
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '@' || c == '-')
      user += c;
  }
  return (user.empty() ? "anonymous" : user) + "@" + req.remote_addr;
}

}  // namespace askpro::net::ops
