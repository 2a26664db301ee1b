#include "net/api/api_internal.hpp"

#include "net/http/respond.hpp"

namespace askpro::net::api {
namespace {

std::string dump(const nlohmann::json& doc) {
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

/// Answers `body` as JSON; a GET gets an ETag and a 304 when If-None-Match matches it. The
/// body may go out gzipped (Accept-Encoding), so the tag is weak and caches are told to vary.
void respond_tagged(api_call& call, int status, const std::string& body) {
  bool cacheable = status == 200 && (call.req.method == "GET" || call.req.method == "HEAD");
  call.res.set_header("Vary", "Accept-Encoding");
  if (cacheable) {
    auto tag = etag_of(body);
    call.res.set_header("ETag", "W/" + tag);
    auto inm = call.req.get_header_value("If-None-Match");
    if (!inm.empty() && etag_matches(inm, tag)) {
      call.res.status = 304;
      return;
    }
  }
  call.res.status = status;
  call.res.set_content(body, "application/json");
}

}  // namespace

void respond_problem(httplib::Response& res, int status, const std::string& code,
                     const std::string& detail, std::vector<http::field_error> errors,
                     const nlohmann::json& extensions) {
  http::problem p;
  p.status = status;
  p.code = code;
  p.title = http::reason_phrase(status);
  p.detail = detail;
  p.errors = std::move(errors);
  http::respond_problem(res, p, extensions);
}

void respond_invalid(httplib::Response& res, std::vector<http::field_error> errors) {
  respond_problem(res, 422, "invalid_argument", "the request has invalid fields",
                  std::move(errors));
}

void respond_not_found(httplib::Response& res, const std::string& what) {
  respond_problem(res, 404, "not_found", "no such " + what);
}

void respond_failure(httplib::Response& res, const caf::error& err) {
  http::respond_error(res, err);
}

void respond_item(api_call& call, nlohmann::json item, int status) {
  keep_fields(item, parse_fields(call.query("fields").value_or("")));
  respond_tagged(call, status, dump(item));
}

void respond_list(api_call& call, nlohmann::json items, const std::optional<cursor_key>& next) {
  auto fields = parse_fields(call.query("fields").value_or(""));
  for (auto& item : items) keep_fields(item, fields);
  nlohmann::json doc{{"data", std::move(items)}, {"next_cursor", nullptr}};
  if (next) doc["next_cursor"] = encode_cursor(*next);
  respond_tagged(call, 200, dump(doc));
}

std::optional<page_request> read_page(api_call& call) {
  page_request page;
  auto limit = parse_limit(call.query("limit"));
  if (!limit) {
    respond_invalid(call.res, {{"limit", detail_of(limit.error())}});
    return std::nullopt;
  }
  page.limit = *limit;
  if (auto text = call.query("cursor"); text && !text->empty()) {
    auto key = decode_cursor(*text);
    if (!key) {
      respond_invalid(call.res, {{"cursor", detail_of(key.error())}});
      return std::nullopt;
    }
    page.after = *key;
  }
  return page;
}

std::optional<nlohmann::json> read_body(api_call& call) {
  auto body = http::parse_json_body(call.req);
  if (!body) {
    http::respond_bad_json(call.res, body.error());
    return std::nullopt;
  }
  if (!body->is_object()) {
    respond_problem(call.res, 400, "bad_request", "the body must be a JSON object");
    return std::nullopt;
  }
  return std::move(*body);
}

}  // namespace askpro::net::api
