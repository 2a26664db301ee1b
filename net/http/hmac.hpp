#pragma once
/// HMAC-SHA256 as the webhook providers sign (Retell, Cal.com, Stripe): the lowercase hex digest
/// of a message, and a constant-time comparison of a received hex digest with the expected one.
/// Thread-safety: pure functions. Keys are never logged or kept.

#include <string>
#include <string_view>

namespace askpro::net::http {

/// Lowercase hex of HMAC-SHA256(key, message).
std::string hmac_sha256_hex(std::string_view key, std::string_view message);

/// True when `given` (hex, either case) equals `expected` (lowercase hex), compared in constant
/// time over the digest; a different length is false.
bool hex_digest_equal(std::string_view expected, std::string_view given);

/// True when `s` is non-empty and consists of hex digits only.
bool is_hex(std::string_view s);

}  // namespace askpro::net::http
