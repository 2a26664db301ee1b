#pragma once
/// Encryption of personal data at rest, field by field (SPEC S11): AES-256-GCM with a fresh
/// 96-bit nonce per value; the stored text is `enc1:<key id>:<base64(nonce | ciphertext | tag)>`,
/// so every value names the key that opens it. The associated data binds a value to its row's
/// tenant and its column (`field_aad`): a value copied into another tenant's row or another
/// column does not decrypt. Phone lookups use a keyed blind index instead of the plaintext.
/// Thread-safety: pure functions over an immutable keyring.
/// Errors: `open_field` returns errc::storage when the key is missing or the value was altered
/// or bound to another row — never garbage.

#include "persistence/crypto/keyring.hpp"
#include "runtime/error.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace askpro::persistence {

/// The associated data of a field: tenant and column ("customers.name").
std::string field_aad(int64_t company_id, std::string_view column);

/// Encrypts `plain` with the keyring's current key.
[[nodiscard]] Result<std::string> seal_field(const keyring& keys, std::string_view plain,
                                             std::string_view aad);

/// Decrypts a sealed value.
[[nodiscard]] Result<std::string> open_field(const keyring& keys, std::string_view sealed,
                                             std::string_view aad);

/// True when `stored` is a sealed value (plaintext from before encryption is not).
bool is_sealed(std::string_view stored);

/// The id of the key that sealed `stored` ("" when it is not sealed).
std::string_view sealing_key(std::string_view stored);

/// Hex HMAC-SHA256 of `e164` under the blind index key, scoped to the tenant.
std::string phone_index(const keyring& keys, int64_t company_id, std::string_view e164);

}  // namespace askpro::persistence
