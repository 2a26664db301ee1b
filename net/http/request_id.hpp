#pragma once
/// Request ids (`X-Request-Id`): taken from the client when it is a sane token, generated
/// otherwise, echoed on every response and used as the log correlation id.
/// Thread-safety: all functions may be called from any thread.

#include <string>
#include <string_view>

namespace askpro::net::http {

/// The header that carries the id in both directions.
inline constexpr const char* request_id_header = "X-Request-Id";

/// True when `id` is 1–128 characters of [A-Za-z0-9._-].
bool is_sane_request_id(std::string_view id);

/// A fresh id: 16 random bytes as 32 lowercase hex digits.
std::string new_request_id();

/// `incoming` when sane, a fresh id otherwise.
std::string choose_request_id(std::string_view incoming);

}  // namespace askpro::net::http
