#pragma once
/// Where the Redis server is: parsed from `redis://[:password@]host[:port][/db]`.
/// Thread-safety: pure functions.

#include "config/settings.hpp"
#include "runtime/error.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace askpro::persistence {

struct redis_endpoint {
  std::string host = "127.0.0.1";
  uint16_t port = 6379;
  int db = 0;
  std::string password;  ///< empty: no AUTH; never logged

  /// "host:port/db" (without the password) for logs and inspect.
  std::string display() const {
    return host + ":" + std::to_string(port) + "/" + std::to_string(db);
  }
};

/// Errors: errc::config naming what is wrong (scheme, port, database number).
[[nodiscard]] Result<redis_endpoint> parse_redis_url(std::string_view url);

/// The endpoint of validated settings (host/port/db when the loader filled them, else the URL).
[[nodiscard]] Result<redis_endpoint> endpoint_of(const config::redis_settings& settings);

}  // namespace askpro::persistence
