#pragma once
/// Cal.com's webhook signature (wire-formats.md "Cal.com API v2"): header `X-Cal-Signature-256`
/// = lowercase hex HMAC-SHA256(webhook secret, raw body), no timestamp. Checked over the raw
/// bytes before anything is parsed, compared in constant time.
/// Thread-safety: pure functions. Secrets are never logged or echoed in results.

#include "net/http/signature_verdict.hpp"

#include <string>
#include <string_view>

namespace askpro::net::calcom {

/// The header name (cpp-httplib compares header names case-insensitively).
inline constexpr std::string_view signature_header = "X-Cal-Signature-256";

/// The header value Cal.com sends for `body` signed with `secret`.
std::string sign(std::string_view secret, std::string_view body);

using verdict = http::verdict;  // to_string(verdict) comes with it (net/http)

/// Checks `header` for `body` against `secret`. An empty secret never verifies.
verdict verify(std::string_view header, std::string_view secret, std::string_view body);

}  // namespace askpro::net::calcom
