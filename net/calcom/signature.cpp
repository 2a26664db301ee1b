#include "net/calcom/signature.hpp"

#include "net/http/hmac.hpp"

namespace askpro::net::calcom {

std::string sign(std::string_view secret, std::string_view body) {
  return http::hmac_sha256_hex(secret, body);
}

verdict verify(std::string_view header, std::string_view secret, std::string_view body) {
  if (header.empty()) return verdict::missing;
  if (header.size() != 64 || !http::is_hex(header)) return verdict::malformed;
  if (secret.empty()) return verdict::mismatch;
  return http::hex_digest_equal(sign(secret, body), header) ? verdict::valid : verdict::mismatch;
}

}  // namespace askpro::net::calcom
