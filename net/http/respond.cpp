#include "net/http/respond.hpp"

namespace askpro::net::http {
namespace {

std::string dump(const nlohmann::json& doc) {
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

void respond_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(dump(body), "application/json");
}

void respond_problem(httplib::Response& res, const problem& p, const nlohmann::json& extensions) {
  auto doc = to_document(p);
  if (extensions.is_object()) {
    for (const auto& [key, value] : extensions.items()) doc[key] = value;
  }
  res.status = p.status;
  res.set_content(dump(doc), problem_content_type);
}

void respond_error(httplib::Response& res, const caf::error& err) {
  respond_problem(res, problem_for(err));
}

Result<nlohmann::json> parse_json_body(const httplib::Request& req) {
  if (req.body.empty()) return make_error(errc::invalid_argument, "the request body is empty");
  auto doc = nlohmann::json::parse(req.body, nullptr, false);
  if (doc.is_discarded()) return make_error(errc::invalid_argument, "the body is not valid JSON");
  return doc;
}

void respond_bad_json(httplib::Response& res, const caf::error& err) {
  auto p = problem_for_status(400, "the body is not valid JSON");
  const auto& ctx = err.context();
  if (code_of(err) == errc::invalid_argument && ctx.match_elements<std::string>())
    p.detail = ctx.get_as<std::string>(0);
  respond_problem(res, p);
}

}  // namespace askpro::net::http
