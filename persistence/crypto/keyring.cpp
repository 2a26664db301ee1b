#include "persistence/crypto/keyring.hpp"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>

namespace askpro::persistence {
namespace {

bool sane_id(std::string_view id) {
  return !id.empty() && id.size() <= 32 && std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
}

Result<key_bytes> key_of(std::string_view b64, const std::string& what) {
  auto raw = from_base64(b64);
  if (!raw || raw->size() != 32)
    return make_error(errc::config, what + " is not the base64 of 32 bytes");
  key_bytes out{};
  std::copy(raw->begin(), raw->end(), out.begin());
  return out;
}

}  // namespace

std::string to_base64(const std::uint8_t* bytes, std::size_t n) {
  std::string out(4 * ((n + 2) / 3), '\0');
  auto len =
      EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes, static_cast<int>(n));
  out.resize(static_cast<std::size_t>(len));
  return out;
}

Result<std::vector<std::uint8_t>> from_base64(std::string_view text) {
  if (text.empty() || text.size() % 4 != 0) return make_error(errc::invalid_argument, "not base64");
  std::vector<std::uint8_t> out(3 * text.size() / 4);
  auto len = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()),
                             static_cast<int>(text.size()));
  if (len < 0) return make_error(errc::invalid_argument, "not base64");
  // EVP_DecodeBlock counts padding as zero bytes.
  std::size_t pad = 0;
  for (auto it = text.rbegin(); it != text.rend() && *it == '='; ++it) ++pad;
  out.resize(static_cast<std::size_t>(len) - pad);
  return out;
}

Result<keyring> keyring::parse(const std::vector<std::string>& field_keys,
                               const std::string& blind_index_key) {
  if (field_keys.empty()) return make_error(errc::config, "security.encryption_keys is empty");
  keyring out;
  for (std::size_t i = 0; i < field_keys.size(); ++i) {
    const auto& entry = field_keys[i];
    const auto what = "security.encryption_keys[" + std::to_string(i) + "]";
    auto colon = entry.find(':');
    if (colon == std::string::npos || !sane_id(std::string_view(entry).substr(0, colon)))
      return make_error(errc::config, what + " is not \"id:base64 of 32 bytes\"");
    auto bytes = key_of(std::string_view(entry).substr(colon + 1), what);
    if (!bytes) return std::move(bytes.error());
    field_key k{entry.substr(0, colon), *bytes};
    if (out.find(k.id)) return make_error(errc::config, what + " repeats key id " + k.id);
    out.keys_.push_back(std::move(k));
  }
  auto blind = key_of(blind_index_key, "security.blind_index_key");
  if (!blind) return std::move(blind.error());
  out.blind_ = *blind;
  return out;
}

Result<std::pair<std::string, std::string>> keyring::generate(const std::string& id) {
  key_bytes field{}, blind{};
  if (RAND_bytes(field.data(), 32) != 1 || RAND_bytes(blind.data(), 32) != 1)
    return make_error(errc::internal, "no random bytes for new keys");
  return std::pair{id + ":" + to_base64(field.data(), 32), to_base64(blind.data(), 32)};
}

const field_key* keyring::find(std::string_view id) const {
  for (const auto& k : keys_)
    if (k.id == id) return &k;
  return nullptr;
}

keyring keyring::unprotected_for_benchmark() const {
  keyring out = *this;
  out.protects_ = false;
  return out;
}

}  // namespace askpro::persistence
