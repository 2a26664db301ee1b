#pragma once
/// The keys of the data at rest (SPEC S11): AES-256 field keys by id — the first encrypts,
/// every one decrypts, so keys can be rotated — and the key of the phone blind index.
/// Configured as `security.encryption_keys` (["id:base64 of 32 bytes", …]) and
/// `security.blind_index_key` (base64 of 32 bytes), or kept in `security.keys_file`.
/// Thread-safety: immutable after parsing; share it by const reference or shared_ptr.
/// Errors: `parse` returns errc::config naming the entry that is malformed (never the key).

#include "runtime/error.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace askpro::persistence {

using key_bytes = std::array<std::uint8_t, 32>;

struct field_key {
  std::string id;  ///< [A-Za-z0-9_-]{1,32}
  key_bytes bytes{};
};

class keyring {
 public:
  /// From the configured strings; at least one field key and a blind index key.
  [[nodiscard]] static Result<keyring> parse(const std::vector<std::string>& field_keys,
                                             const std::string& blind_index_key);

  /// Two fresh random keys' configuration strings: {"<id>:<base64>", "<base64>"}.
  [[nodiscard]] static Result<std::pair<std::string, std::string>> generate(const std::string& id);

  const field_key& current() const { return keys_.front(); }

  /// The key with `id`, or nullptr.
  const field_key* find(std::string_view id) const;

  const key_bytes& blind_key() const { return blind_; }

  /// A copy that seals nothing (values are stored as they come) and appends no audit events:
  /// the baseline the benchmarks measure the cost of protection against. Never built from
  /// configuration; production keyrings always protect.
  [[nodiscard]] keyring unprotected_for_benchmark() const;

  /// False only for the benchmark baseline above.
  bool protects() const { return protects_; }

 private:
  std::vector<field_key> keys_;
  key_bytes blind_{};
  bool protects_ = true;
};

/// Standard base64 of `bytes`, and its inverse (nullopt-like error for bad input).
std::string to_base64(const std::uint8_t* bytes, std::size_t n);
[[nodiscard]] Result<std::vector<std::uint8_t>> from_base64(std::string_view text);

}  // namespace askpro::persistence
