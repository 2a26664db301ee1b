#pragma once
/// Tenant API tokens: generation and the hash that is stored instead of the token.
/// Thread-safety: both functions are safe from any thread (OpenSSL's RNG is thread-safe).

#include "runtime/error.hpp"

#include <string>
#include <string_view>

namespace askpro::actors::tenant {

/// The prefix every token starts with.
inline constexpr std::string_view token_prefix = "apk_";

/// A new token: `token_prefix` followed by 32 random bytes (OpenSSL RAND_bytes) in unpadded
/// base64url (43 characters). Secret: show it once, store only `token_hash`.
/// Errors: errc::internal when the random generator fails.
[[nodiscard]] Result<std::string> make_token();

/// The SHA-256 of `token` as 64 lowercase hex digits (what api_tokens.token_hash holds).
std::string token_hash(std::string_view token);

}  // namespace askpro::actors::tenant
