#pragma once
/// IP address ranges in CIDR notation ("10.0.0.0/8", "2001:db8::/32", or a single address),
/// for allowlists and trusted proxies (SPEC S11). IPv4 addresses are held as IPv4-mapped IPv6
/// addresses, so "192.0.2.7" and "::ffff:192.0.2.7" are the same client.
/// Thread-safety: immutable values. Errors: parse functions return errc::invalid_argument
/// naming the text that is not an address or range.

#include "runtime/error.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace askpro::runtime {

using ip_bytes = std::array<std::uint8_t, 16>;

/// The address as 16 bytes; nullopt when `text` is not an IPv4 or IPv6 address.
std::optional<ip_bytes> parse_ip(std::string_view text);

struct cidr {
  ip_bytes network{};
  int prefix = 128;  ///< bits of `network` that must match (IPv4 ranges count from 96)

  bool contains(const ip_bytes& ip) const;
};

/// "a.b.c.d/n", "x::y/n" or a single address (a /32 or /128).
Result<cidr> parse_cidr(std::string_view text);

/// A list of ranges; an address is in it when any range contains it.
class cidr_list {
 public:
  cidr_list() = default;

  /// Parses every entry; the first bad one is the error.
  static Result<cidr_list> parse(const std::vector<std::string>& texts);

  bool empty() const { return ranges_.empty(); }

  /// True when `ip` (text) is an address inside one of the ranges.
  bool contains(std::string_view ip) const;

 private:
  std::vector<cidr> ranges_;
};

}  // namespace askpro::runtime
