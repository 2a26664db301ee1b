#include "actors/tenant/api_token.hpp"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>

namespace askpro::actors::tenant {
namespace {

std::string base64url(const unsigned char* data, std::size_t size) {
  static constexpr char alphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  uint32_t bits = 0;
  int held = 0;
  for (std::size_t i = 0; i < size; ++i) {
    bits = (bits << 8) | data[i];
    held += 8;
    while (held >= 6) {
      held -= 6;
      out.push_back(alphabet[(bits >> held) & 0x3f]);
    }
  }
  if (held > 0) out.push_back(alphabet[(bits << (6 - held)) & 0x3f]);
  return out;
}

}  // namespace

Result<std::string> make_token() {
  std::array<unsigned char, 32> random{};
  if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1)
    return make_error(errc::internal, "the random generator failed");
  return std::string{token_prefix} + base64url(random.data(), random.size());
}

std::string token_hash(std::string_view token) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(token.data(), token.size(), digest.data(), &length, EVP_sha256(), nullptr);
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out.push_back(hex[digest[i] >> 4]);
    out.push_back(hex[digest[i] & 0x0f]);
  }
  return out;
}

}  // namespace askpro::actors::tenant
