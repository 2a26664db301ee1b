#pragma once
/// Bearer-token checks (`Authorization: Bearer <token>`) with a constant-time comparison.
/// Thread-safety: pure functions. Never log the header or the token.

#include <optional>
#include <string_view>

namespace askpro::net::http {

/// The token of an `Authorization` header value ("Bearer abc" → "abc"; the scheme is
/// case-insensitive). nullopt when the scheme is not Bearer or the token is empty.
std::optional<std::string_view> bearer_token(std::string_view authorization);

/// Compares in time independent of where the inputs differ and of their lengths (both are
/// hashed with SHA-256, then compared with CRYPTO_memcmp).
bool constant_time_equal(std::string_view a, std::string_view b);

/// True when `authorization` carries exactly `expected`. An empty `expected` refuses all.
bool bearer_matches(std::string_view authorization, std::string_view expected);

}  // namespace askpro::net::http
