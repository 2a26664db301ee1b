#pragma once
/// Personal data as the repositories store it (SPEC S11): each field sealed with the
/// connection's data keys (field_cipher.hpp), bound to its tenant and column, so nothing above
/// persistence/ ever sees ciphertext. Empty values stay empty; values stored before encryption
/// (not sealed yet) read as they are until `reseal` (reseal.hpp) seals them.
/// Thread-safety: as the connection. Errors: errc::storage when the connection has no data keys,
/// a value's key is missing or a value was altered or moved — never garbage.

#include "persistence/connection.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace askpro::persistence {

/// `plain` sealed for `column` ("customers.name") of `company_id`'s row.
[[nodiscard]] Result<std::string> seal(const connection& conn, int64_t company_id,
                                       std::string_view column, std::string_view plain);
[[nodiscard]] Result<std::optional<std::string>> seal_optional(
    const connection& conn, int64_t company_id, std::string_view column,
    const std::optional<std::string>& plain);

/// A stored value opened again.
[[nodiscard]] Result<std::string> unseal(const connection& conn, int64_t company_id,
                                         std::string_view column, std::string_view stored);

/// Opens `field` in place; `err` keeps the first failure (the row mapping's style).
void unseal_into(const connection& conn, int64_t company_id, std::string_view column,
                 std::string& field, caf::error& err);
void unseal_into(const connection& conn, int64_t company_id, std::string_view column,
                 std::optional<std::string>& field, caf::error& err);

/// Seals `field` in place; `err` keeps the first failure.
void seal_into(const connection& conn, int64_t company_id, std::string_view column,
               std::string& field, caf::error& err);
void seal_into(const connection& conn, int64_t company_id, std::string_view column,
               std::optional<std::string>& field, caf::error& err);

/// The keyed blind index of an E.164 number within the tenant: what phone lookups and the
/// one-customer-per-number rule use.
[[nodiscard]] Result<std::string> phone_key(const connection& conn, int64_t company_id,
                                            std::string_view e164);

/// The blind index of a caller's number as call and callback rows keep it: nullopt when there
/// is no number or it is not E.164 (an anonymous caller).
[[nodiscard]] Result<std::optional<std::string>> caller_index(
    const connection& conn, int64_t company_id, const std::optional<std::string>& number);

/// A booking request key as stored: keyed, since it carries the caller's number.
[[nodiscard]] Result<std::string> stored_request_key(const connection& conn, int64_t company_id,
                                                     std::string_view key);

}  // namespace askpro::persistence
