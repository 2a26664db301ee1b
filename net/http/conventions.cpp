#include "net/http/conventions.hpp"

#include "net/http/conn_stream.hpp"
#include "net/http/http_metrics.hpp"
#include "net/http/request_id.hpp"
#include "net/http/respond.hpp"
#include "runtime/log.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

namespace askpro::net::http {
namespace {

using steady = std::chrono::steady_clock;

/// Start of the request the current worker thread is serving (pre-routing → logger run on the
/// same thread); reset after each access-log line.
thread_local steady::time_point request_started{};

std::string join(const std::vector<std::string>& xs) {
  std::string out;
  for (const auto& x : xs) out += (out.empty() ? "" : ", ") + x;
  return out;
}

/// Requests rejected before routing (malformed request line, URI too long) get their id here.
void ensure_request_id(const httplib::Request& req, httplib::Response& res) {
  if (!res.has_header(request_id_header))
    res.set_header(request_id_header, choose_request_id(req.get_header_value(request_id_header)));
}

httplib::Server::HandlerResponse before_routing(const pre_route_check& check,
                                                const httplib::Request& req,
                                                httplib::Response& res) {
  request_started = steady::now();
  serving(nullptr);  // a route marks itself when its handler runs
  auto id = choose_request_id(req.get_header_value(request_id_header));
  res.set_header(request_id_header, id);
  runtime::correlation_scope scope(std::move(id));
  if (check && check(req, res)) return httplib::Server::HandlerResponse::Handled;
  return httplib::Server::HandlerResponse::Unhandled;
}

/// What went wrong when the library refused a request before any handler (empty when unknown).
std::string detail_for(const httplib::Request& req, int status) {
  const bool with_body = req.method == "POST" || req.method == "PUT" || req.method == "PATCH";
  if (status == 400 && with_body && !req.has_header("Content-Length") &&
      req.get_header_value("Transfer-Encoding").find("chunked") == std::string::npos)
    return "a " + req.method + " needs a Content-Length header (0 when there is no body)";
  return {};
}

/// Fills empty error responses with a problem document. Always "Handled", so httplib sets the
/// Content-Length of the body also on responses that never reached a handler (404, 413).
httplib::Server::HandlerResponse on_error(const router& routes, const httplib::Request& req,
                                          httplib::Response& res) {
  ensure_request_id(req, res);
  if (!res.body.empty()) return httplib::Server::HandlerResponse::Handled;
  if (res.status == 400 && body_limit_hit()) res.status = 413;  // chunked or unsized body
  if (res.status == 404) {
    auto methods = routes.methods_matching(req.path);
    if (!methods.empty()) {
      res.status = 405;
      res.set_header("Allow", join(methods));
    }
  }
  respond_problem(res, problem_for_status(res.status, detail_for(req, res.status)));
  return httplib::Server::HandlerResponse::Handled;
}

void on_exception(const std::string& listener, const httplib::Request& req,
                  httplib::Response& res) {
  auto id = res.get_header_value(request_id_header);
  runtime::correlation_scope scope(id);
  // The exception text may carry anything (input, personal data): it is neither logged nor sent.
  spdlog::error("{} {} {}: handler threw; answered 500", listener, req.method, req.path);
  res.headers.clear();  // drop whatever the handler had set before it threw
  res.body.clear();
  res.content_length_ = 0;
  res.content_provider_ = nullptr;
  res.is_chunked_content_provider_ = false;
  res.set_header(request_id_header, id);
  respond_problem(res, problem_for_status(500, "internal error"));
}

void access_log(const std::string& listener, const httplib::Request& req,
                const httplib::Response& res) {
  runtime::correlation_scope scope(res.get_header_value(request_id_header));
  double ms = 0;
  if (request_started != steady::time_point{})
    ms = std::chrono::duration<double, std::milli>(steady::now() - request_started).count();
  request_started = {};
  record_request(req.method, res.status, ms / 1000.0);
  spdlog::info("{} {} {} {} {:.2f}ms", listener, req.method, req.path, res.status, ms);
}

}  // namespace

void install_conventions(httplib::Server& server, const router& routes, std::string listener,
                         pre_route_check check) {
  server.set_pre_routing_handler(
      [check = std::move(check)](const httplib::Request& req, httplib::Response& res) {
        return before_routing(check, req, res);
      });
  server.set_error_handler(httplib::Server::HandlerWithResponse(
      [&routes](const httplib::Request& req, httplib::Response& res) {
        return on_error(routes, req, res);
      }));
  server.set_exception_handler(
      [listener](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
        on_exception(listener, req, res);
      });
  server.set_logger([listener](const httplib::Request& req, const httplib::Response& res) {
    access_log(listener, req, res);
  });
}

}  // namespace askpro::net::http
