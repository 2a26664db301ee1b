#include "net/http/problem.hpp"

#include <nlohmann/json.hpp>

namespace askpro::net::http {

int status_for(errc code) {
  switch (code) {
    case errc::not_found:
      return 404;
    case errc::slot_taken:
    case errc::conflict:
      return 409;
    case errc::invalid_argument:
      return 422;
    case errc::unauthorized:
      return 401;
    case errc::forbidden:
      return 403;
    case errc::timeout:
      return 504;
    case errc::unavailable:
    case errc::calendar_unavailable:
    case errc::storage:  // a failing database is transient from the client's view: retry later
      return 503;
    case errc::internal:
    case errc::config:
      return 500;
  }
  return 500;
}

namespace {

struct status_info {
  int status;
  const char* phrase;
  const char* code;  ///< for statuses that arrive without an askpro code
};

constexpr status_info statuses[] = {
    {400, "Bad Request", "bad_request"},
    {401, "Unauthorized", "unauthorized"},
    {403, "Forbidden", "forbidden"},
    {404, "Not Found", "not_found"},
    {405, "Method Not Allowed", "method_not_allowed"},
    {408, "Request Timeout", "request_timeout"},
    {409, "Conflict", "conflict"},
    {411, "Length Required", "length_required"},
    {413, "Payload Too Large", "payload_too_large"},
    {414, "URI Too Long", "uri_too_long"},
    {415, "Unsupported Media Type", "unsupported_media_type"},
    {416, "Range Not Satisfiable", "range_not_satisfiable"},
    {422, "Unprocessable Entity", "invalid_argument"},
    {429, "Too Many Requests", "rate_limited"},
    {431, "Request Header Fields Too Large", "headers_too_large"},
    {500, "Internal Server Error", "internal"},
    {501, "Not Implemented", "not_implemented"},
    {502, "Bad Gateway", "bad_gateway"},
    {503, "Service Unavailable", "unavailable"},
    {504, "Gateway Timeout", "timeout"},
};

const status_info* find_status(int status) {
  for (const auto& info : statuses)
    if (info.status == status) return &info;
  return nullptr;
}

}  // namespace

const char* reason_phrase(int status) {
  const auto* info = find_status(status);
  return info ? info->phrase : "Error";
}

std::string code_for_status(int status) {
  if (const auto* info = find_status(status)) return info->code;
  return status >= 500 ? "internal" : "error";
}

problem problem_for_status(int status, std::string detail) {
  problem p;
  p.status = status;
  p.code = code_for_status(status);
  p.title = reason_phrase(status);
  p.detail = std::move(detail);
  return p;
}

problem problem_for(const caf::error& err) {
  auto code = code_of(err);
  if (!code) return problem_for_status(500, "internal error");
  problem p = problem_for_status(status_for(*code));
  p.code = to_string(*code);
  if (p.status < 500) {
    const auto& ctx = err.context();
    if (ctx.match_elements<std::string>()) p.detail = ctx.get_as<std::string>(0);
  } else {  // server-side details (tables, hosts, internals) stay in the logs
    p.detail = p.status == 500 ? "internal error" : "the service is unavailable";
    if (*code == errc::timeout) p.detail = "no answer in time";
  }
  return p;
}

nlohmann::json to_document(const problem& p) {
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& e : p.errors) errors.push_back({{"field", e.field}, {"message", e.message}});
  return {{"type", problem_type_base + p.code},
          {"title", p.title.empty() ? reason_phrase(p.status) : p.title},
          {"status", p.status},
          {"detail", p.detail},
          {"code", p.code},
          {"errors", std::move(errors)}};
}

std::string to_json(const problem& p) {
  return to_document(p).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace askpro::net::http
