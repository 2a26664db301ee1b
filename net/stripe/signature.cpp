#include "net/stripe/signature.hpp"

#include "net/http/hmac.hpp"

#include <cctype>
#include <cstdlib>
#include <optional>
#include <vector>

namespace askpro::net::stripe {
namespace {

std::string digest_of(std::string_view secret, std::string_view body, std::string_view t) {
  std::string message;
  message.reserve(t.size() + 1 + body.size());
  message.append(t).append(".").append(body);
  return http::hmac_sha256_hex(secret, message);
}

struct parsed_header {
  std::string_view t;
  std::vector<std::string_view> v1;
};

bool digits(std::string_view s) {
  if (s.empty() || s.size() > 15) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

/// `t` and every well-formed v1 of `t=…,v1=…,v0=…` (other schemes and unknown parts ignored).
std::optional<parsed_header> parse(std::string_view header) {
  parsed_header out;
  while (!header.empty()) {
    auto comma = header.find(',');
    auto part = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    auto eq = part.find('=');
    if (eq == std::string_view::npos) continue;
    auto key = part.substr(0, eq);
    auto value = part.substr(eq + 1);
    if (key == "t") out.t = value;
    if (key == "v1" && value.size() == 64 && http::is_hex(value)) out.v1.push_back(value);
  }
  if (!digits(out.t) || out.v1.empty()) return std::nullopt;
  return out;
}

}  // namespace

std::string sign(std::string_view secret, std::string_view body, int64_t t) {
  auto stamp = std::to_string(t);
  return "t=" + stamp + ",v1=" + digest_of(secret, body, stamp);
}

verdict verify(std::string_view header, std::string_view secret, std::string_view body,
               int64_t now_s, int64_t tolerance_s) {
  if (header.empty()) return verdict::missing;
  auto parsed = parse(header);
  if (!parsed) return verdict::malformed;
  int64_t t = std::strtoll(std::string{parsed->t}.c_str(), nullptr, 10);
  if (std::llabs(now_s - t) > tolerance_s) return verdict::stale;
  if (secret.empty()) return verdict::mismatch;
  auto expected = digest_of(secret, body, parsed->t);
  bool any = false;
  for (auto v1 : parsed->v1) any = http::hex_digest_equal(expected, v1) || any;  // check all
  return any ? verdict::valid : verdict::mismatch;
}

}  // namespace askpro::net::stripe
