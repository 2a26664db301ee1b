#include "runtime/cidr.hpp"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>

namespace askpro::runtime {

std::optional<ip_bytes> parse_ip(std::string_view text) {
  std::string s(text);
  ip_bytes out{};
  in_addr v4{};
  if (::inet_pton(AF_INET, s.c_str(), &v4) == 1) {
    out[10] = out[11] = 0xff;
    std::memcpy(out.data() + 12, &v4, 4);
    return out;
  }
  in6_addr v6{};
  if (::inet_pton(AF_INET6, s.c_str(), &v6) == 1) {
    std::memcpy(out.data(), &v6, 16);
    return out;
  }
  return std::nullopt;
}

bool cidr::contains(const ip_bytes& ip) const {
  int bits = prefix;
  for (std::size_t i = 0; i < 16 && bits > 0; ++i, bits -= 8) {
    const auto mask = static_cast<std::uint8_t>(bits >= 8 ? 0xff : 0xff << (8 - bits));
    if ((ip[i] & mask) != (network[i] & mask)) return false;
  }
  return true;
}

Result<cidr> parse_cidr(std::string_view text) {
  auto bad = [&] {
    return make_error(errc::invalid_argument,
                      "'" + std::string(text) + "' is not an IP address or CIDR range");
  };
  auto slash = text.find('/');
  auto ip = parse_ip(text.substr(0, slash));
  if (!ip) return bad();
  const bool v4 = text.substr(0, slash).find(':') == std::string_view::npos;
  cidr out{*ip, 128};
  if (slash != std::string_view::npos) {
    auto bits_text = text.substr(slash + 1);
    int bits = -1;
    auto [end, ec] = std::from_chars(bits_text.data(), bits_text.data() + bits_text.size(), bits);
    if (ec != std::errc{} || end != bits_text.data() + bits_text.size() || bits < 0 ||
        bits > (v4 ? 32 : 128))
      return bad();
    out.prefix = v4 ? 96 + bits : bits;
  }
  return out;
}

Result<cidr_list> cidr_list::parse(const std::vector<std::string>& texts) {
  cidr_list out;
  for (const auto& t : texts) {
    auto range = parse_cidr(t);
    if (!range) return range.error();
    out.ranges_.push_back(*range);
  }
  return out;
}

bool cidr_list::contains(std::string_view ip) const {
  auto parsed = parse_ip(ip);
  if (!parsed) return false;
  for (const auto& r : ranges_)
    if (r.contains(*parsed)) return true;
  return false;
}

}  // namespace askpro::runtime
