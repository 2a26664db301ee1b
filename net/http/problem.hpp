#pragma once
/// RFC 7807 problem documents (`application/problem+json`) and the mapping from the project's
/// error vocabulary to HTTP status codes. Thread-safety: pure functions over plain data.
/// Errors: none; unknown or foreign errors become a 500 problem whose detail reveals nothing.

#include "runtime/error.hpp"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace askpro::net::http {

/// One invalid input field: `{"field":"start","message":"not an ISO 8601 time"}`.
struct field_error {
  std::string field;
  std::string message;
};

/// The body of an error response:
/// `{"type","title","status","detail","code","errors":[{"field","message"}]}`.
struct problem {
  int status = 500;
  std::string code;    ///< stable snake_case code, e.g. "slot_taken"
  std::string title;   ///< short summary; defaults to the status' reason phrase
  std::string detail;  ///< human-readable explanation; never secrets or personal data
  std::vector<field_error> errors;
};

/// The media type of problem documents.
inline constexpr const char* problem_content_type = "application/problem+json";

/// Prefix of every problem `type`; the code is appended ("https://askpro.dev/problems/not_found").
inline constexpr const char* problem_type_base = "https://askpro.dev/problems/";

/// HTTP status of an askpro error code (not_found 404, slot_taken 409, invalid_argument 422, …).
int status_for(errc code);

/// Standard reason phrase of `status` ("Not Found"); "Error" for codes without one.
const char* reason_phrase(int status);

/// Stable code for a status that has no askpro code (405 "method_not_allowed", 413
/// "payload_too_large", …).
std::string code_for_status(int status);

/// Problem for `status` with the code and title derived from it.
problem problem_for_status(int status, std::string detail = {});

/// Problem for an error. askpro errors keep their code, and their detail when the status is a
/// client error (4xx); server errors (5xx) and foreign errors get a generic detail only.
problem problem_for(const caf::error& err);

/// The problem as a JSON object (the `type` is derived from the code); callers may add
/// extension members before serialising it.
nlohmann::json to_document(const problem& p);

/// The problem serialised as a JSON string.
std::string to_json(const problem& p);

}  // namespace askpro::net::http
