#pragma once
/// Retell's request signature (wire-formats.md "Retell"): header
/// `x-retell-signature: v=<timestamp_ms>,d=<hex HMAC-SHA256(api_key, raw_body + timestamp
/// digits)>`, accepted within ±5 minutes of now, compared in constant time over the raw body bytes.
/// Thread-safety: pure functions. Secrets are never logged or echoed in results.

#include "net/http/signature_verdict.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace askpro::net::retell {

/// The header name, lower case (cpp-httplib compares header names case-insensitively).
inline constexpr std::string_view signature_header = "x-retell-signature";

/// Allowed distance between the signed timestamp and now, in both directions.
inline constexpr int64_t signature_tolerance_ms = 5 * 60 * 1000;

/// The header value Retell's SDK sends for `body` signed with `api_key` at `timestamp_ms`.
std::string sign(std::string_view api_key, std::string_view body, int64_t timestamp_ms);

using verdict = http::verdict;  // to_string(verdict) comes with it (net/http)

/// Checks `header` for `body` against `api_key` at `now_ms`. An empty key never verifies.
verdict verify(std::string_view header, std::string_view api_key, std::string_view body,
               int64_t now_ms, int64_t tolerance_ms = signature_tolerance_ms);

}  // namespace askpro::net::retell
