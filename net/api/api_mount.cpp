#include "net/api/api_internal.hpp"

#include "net/http/bearer.hpp"
#include "net/http/rate_limit.hpp"
#include "net/http/respond.hpp"

#include <spdlog/spdlog.h>

#include <exception>

namespace askpro::net::api {
namespace {

/// "/a/{id}/b" → "/a/([^/]+)/b"; dots are literal.
std::string pattern_of(const std::string& path) {
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '{') {
      i = path.find('}', i);
      out += "([^/]+)";
    } else if (path[i] == '.') {
      out += "\\.";
    } else {
      out += path[i];
    }
  }
  return out;
}

void respond_unauthorized(httplib::Response& res, const std::string& detail) {
  res.set_header("WWW-Authenticate", "Bearer");
  respond_problem(res, 401, "unauthorized", detail);
}

/// The principal of the request's bearer token; answers 401/5xx and yields nullopt otherwise.
std::optional<actors::api::principal> authenticate(const api_env& env, const httplib::Request& req,
                                                   httplib::Response& res) {
  auto header = req.get_header_value("Authorization");  // token views into it
  auto token = http::bearer_token(header);
  if (!token) {
    respond_unauthorized(res, "an Authorization: Bearer token is required");
    return std::nullopt;
  }
  auto who = actors::api::authenticate(env.deps, *token);
  if (!who) {
    respond_failure(res, who.error());
    return std::nullopt;
  }
  if (!*who) respond_unauthorized(res, "the token is unknown or revoked");
  return *who;
}

/// RATE LIMIT HOOK: consulted once per authenticated request, keyed by the token. The limiter
/// (in-process or shared through Redis) comes from api_options. Answers 429 with Retry-After
/// and yields false when the token's bucket is empty.
bool admit(const api_env& env, const actors::api::principal& who, httplib::Response& res) {
  if (!env.options.limiter) return true;
  auto decision = env.options.limiter->take("token:" + std::to_string(who.token_id));
  res.set_header("X-RateLimit-Remaining", std::to_string(decision.remaining));
  if (decision.allowed) return true;
  res.set_header("Retry-After", std::to_string(decision.retry_after_s));
  respond_problem(res, 429, "rate_limited", "too many requests for this token; retry later");
  return false;
}

void run_guarded(const api_handler& handler, api_call& call) {
  try {
    handler(call);
  } catch (const std::exception& e) {
    spdlog::error("api handler failed: {}", e.what());
    respond_problem(call.res, 500, "internal", "the request could not be processed");
  }
}

void serve(const api_env& env, api_access access, const api_handler& handler,
           const httplib::Request& req, httplib::Response& res) {
  static const actors::api::principal nobody{};
  if (access == api_access::open) {
    api_call call{env, nobody, req, res};
    return run_guarded(handler, call);
  }
  auto who = authenticate(env, req, res);
  if (!who) return;
  if (access == api_access::write && !who->admin)
    return respond_problem(res, 403, "forbidden", "this token may only read");
  if (!admit(env, *who, res)) return;
  api_call call{env, *who, req, res};
  run_guarded(handler, call);
}

}  // namespace

std::optional<std::string> api_call::query(const char* name) const {
  if (!req.has_param(name)) return std::nullopt;
  return req.get_param_value(name);
}

std::string api_call::path_arg(std::size_t i) const {
  return i < req.matches.size() ? req.matches[i].str() : std::string{};
}

void api_mount::add(const std::string& method, const std::string& path, api_access access,
                    api_handler handler) {
  table_.push_back({method, path});
  if (!routes_) return;
  auto env = env_;
  auto h = [env, access, handler = std::move(handler)](const httplib::Request& req,
                                                       httplib::Response& res) {
    serve(*env, access, handler, req, res);
  };
  auto pattern = pattern_of(path);
  if (method == "GET")
    routes_->get(pattern, h, path);
  else if (method == "POST")
    routes_->post(pattern, h, path);
  else if (method == "PATCH")
    routes_->patch(pattern, h, path);
  else if (method == "PUT")
    routes_->put(pattern, h, path);
  else if (method == "DELETE")
    routes_->del(pattern, h, path);
}

}  // namespace askpro::net::api
