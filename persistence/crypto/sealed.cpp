// Sealing and opening the personal fields of a row with the connection's data keys.
#include "persistence/crypto/sealed.hpp"

#include "persistence/crypto/field_cipher.hpp"
#include "persistence/crypto/keyring.hpp"

namespace askpro::persistence {
namespace {

Result<const keyring*> keys_of(const connection& conn) {
  if (const auto* keys = conn.data_keys()) return keys;
  return make_error(errc::storage, "this connection has no data keys (security.encryption_keys)");
}

}  // namespace

Result<std::string> seal(const connection& conn, int64_t company_id, std::string_view column,
                         std::string_view plain) {
  if (plain.empty()) return std::string{};
  auto keys = keys_of(conn);
  if (!keys) return std::move(keys.error());
  if (!(*keys)->protects()) return std::string{plain};  // the benchmarks' baseline
  return seal_field(**keys, plain, field_aad(company_id, column));
}

Result<std::optional<std::string>> seal_optional(const connection& conn, int64_t company_id,
                                                 std::string_view column,
                                                 const std::optional<std::string>& plain) {
  if (!plain) return std::optional<std::string>{};
  auto sealed = seal(conn, company_id, column, std::string_view{*plain});
  if (!sealed) return std::move(sealed.error());
  return std::optional<std::string>{std::move(*sealed)};
}

Result<std::string> unseal(const connection& conn, int64_t company_id, std::string_view column,
                           std::string_view stored) {
  if (!is_sealed(stored)) return std::string{stored};
  auto keys = keys_of(conn);
  if (!keys) return std::move(keys.error());
  return open_field(**keys, stored, field_aad(company_id, column));
}

void unseal_into(const connection& conn, int64_t company_id, std::string_view column,
                 std::string& field, caf::error& err) {
  if (err) return;
  auto plain = unseal(conn, company_id, column, field);
  if (!plain) {
    err = std::move(plain.error());
    return;
  }
  field = std::move(*plain);
}

void unseal_into(const connection& conn, int64_t company_id, std::string_view column,
                 std::optional<std::string>& field, caf::error& err) {
  if (field) unseal_into(conn, company_id, column, *field, err);
}

void seal_into(const connection& conn, int64_t company_id, std::string_view column,
               std::string& field, caf::error& err) {
  if (err) return;
  auto sealed = seal(conn, company_id, column, std::string_view{field});
  if (!sealed) {
    err = std::move(sealed.error());
    return;
  }
  field = std::move(*sealed);
}

void seal_into(const connection& conn, int64_t company_id, std::string_view column,
               std::optional<std::string>& field, caf::error& err) {
  if (field) seal_into(conn, company_id, column, *field, err);
}

Result<std::string> phone_key(const connection& conn, int64_t company_id, std::string_view e164) {
  auto keys = keys_of(conn);
  if (!keys) return std::move(keys.error());
  return phone_index(**keys, company_id, e164);
}

Result<std::optional<std::string>> caller_index(const connection& conn, int64_t company_id,
                                                const std::optional<std::string>& number) {
  if (!number || number->size() < 2 || (*number)[0] != '+') return std::optional<std::string>{};
  auto index = phone_key(conn, company_id, *number);
  if (!index) return std::move(index.error());
  return std::optional<std::string>{std::move(*index)};
}

Result<std::string> stored_request_key(const connection& conn, int64_t company_id,
                                       std::string_view key) {
  // The same keyed hash as the phone index, in its own domain (numbers start with '+').
  auto keys = keys_of(conn);
  if (!keys) return std::move(keys.error());
  return "rk1:" + phone_index(**keys, company_id, "request:" + std::string{key});
}

}  // namespace askpro::persistence
