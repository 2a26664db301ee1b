#pragma once
/// Response and request-body helpers shared by every handler: JSON bodies, problem documents
/// and error mapping. Include only from handler implementations (pulls in httplib.h and
/// nlohmann/json.hpp). Thread-safety: stateless; each call touches only its arguments.

#include "net/http/problem.hpp"
#include "runtime/error.hpp"

#include <httplib.h>

#include <nlohmann/json.hpp>

namespace askpro::net::http {

/// Answers `status` with `body` as `application/json`.
void respond_json(httplib::Response& res, int status, const nlohmann::json& body);

/// Answers with the problem document (`application/problem+json`); `extensions` (an object)
/// adds members next to the standard ones, e.g. readiness `checks`.
void respond_problem(httplib::Response& res, const problem& p,
                     const nlohmann::json& extensions = nlohmann::json::object());

/// Answers with the problem for `err` (see problem_for).
void respond_error(httplib::Response& res, const caf::error& err);

/// Parses the request body as JSON. Errors: errc::invalid_argument when the body is empty or
/// not valid JSON (handlers answer it as 400 with respond_bad_json).
[[nodiscard]] Result<nlohmann::json> parse_json_body(const httplib::Request& req);

/// Answers 400 "bad_request" for a body that is not valid JSON.
void respond_bad_json(httplib::Response& res, const caf::error& err);

}  // namespace askpro::net::http
