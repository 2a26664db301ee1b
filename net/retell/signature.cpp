#include "net/retell/signature.hpp"

#include "net/http/hmac.hpp"

#include <cctype>
#include <cstdlib>
#include <optional>

namespace askpro::net::retell {
namespace {

std::string hmac_hex(std::string_view key, std::string_view body, std::string_view stamp) {
  std::string message;
  message.reserve(body.size() + stamp.size());
  message.append(body).append(stamp);
  return http::hmac_sha256_hex(key, message);
}

struct parsed_header {
  std::string_view stamp;   ///< the timestamp digits as sent
  std::string_view digest;  ///< 64 hex characters
};

bool all_of(std::string_view s, int (*pred)(int)) {
  if (s.empty()) return false;
  for (char c : s)
    if (!pred(static_cast<unsigned char>(c))) return false;
  return true;
}

std::optional<parsed_header> parse(std::string_view header) {
  if (header.substr(0, 2) != "v=") return std::nullopt;
  auto comma = header.find(",d=");
  if (comma == std::string_view::npos) return std::nullopt;
  parsed_header out{header.substr(2, comma - 2), header.substr(comma + 3)};
  if (out.stamp.size() > 15 || !all_of(out.stamp, std::isdigit)) return std::nullopt;
  if (out.digest.size() != 64 || !http::is_hex(out.digest)) return std::nullopt;
  return out;
}

}  // namespace

std::string sign(std::string_view api_key, std::string_view body, int64_t timestamp_ms) {
  std::string stamp = std::to_string(timestamp_ms);
  return "v=" + stamp + ",d=" + hmac_hex(api_key, body, stamp);
}

verdict verify(std::string_view header, std::string_view api_key, std::string_view body,
               int64_t now_ms, int64_t tolerance_ms) {
  if (header.empty()) return verdict::missing;
  auto parsed = parse(header);
  if (!parsed) return verdict::malformed;
  int64_t stamp = std::strtoll(std::string{parsed->stamp}.c_str(), nullptr, 10);
  if (std::llabs(now_ms - stamp) > tolerance_ms) return verdict::stale;
  if (api_key.empty()) return verdict::mismatch;
  return http::hex_digest_equal(hmac_hex(api_key, body, parsed->stamp), parsed->digest)
             ? verdict::valid
             : verdict::mismatch;
}

}  // namespace askpro::net::retell
