#include "persistence/redis/redis_url.hpp"

#include <charconv>

namespace askpro::persistence {
namespace {

template <class T>
bool parse_number(std::string_view s, T& out) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return !s.empty() && ec == std::errc{} && end == s.data() + s.size();
}

caf::error bad_url(const std::string& what) {
  return make_error(errc::config, "redis.url: " + what);
}

}  // namespace

Result<redis_endpoint> parse_redis_url(std::string_view url) {
  constexpr std::string_view scheme = "redis://";
  if (url.substr(0, scheme.size()) != scheme) return bad_url("expected redis://host:port/db");
  auto rest = url.substr(scheme.size());
  redis_endpoint ep;
  if (auto at = rest.rfind('@'); at != std::string_view::npos) {
    auto credentials = rest.substr(0, at);
    auto colon = credentials.find(':');
    ep.password =
        std::string{colon == std::string_view::npos ? credentials : credentials.substr(colon + 1)};
    rest = rest.substr(at + 1);
  }
  auto slash = rest.find('/');
  auto authority = rest.substr(0, slash);
  if (slash != std::string_view::npos && slash + 1 < rest.size() &&
      (!parse_number(rest.substr(slash + 1), ep.db) || ep.db < 0))
    return bad_url("database must be a non-negative number");
  auto colon = authority.rfind(':');
  if (colon != std::string_view::npos) {
    if (!parse_number(authority.substr(colon + 1), ep.port) || ep.port == 0)
      return bad_url("port must be 1-65535");
    authority = authority.substr(0, colon);
  }
  if (authority.empty()) return bad_url("missing host");
  ep.host = std::string{authority};
  return ep;
}

Result<redis_endpoint> endpoint_of(const config::redis_settings& settings) {
  auto parsed = parse_redis_url(settings.url);
  if (!parsed) return parsed;
  if (!settings.host.empty()) {
    parsed->host = settings.host;
    parsed->port = settings.port;
    parsed->db = settings.db;
  }
  return parsed;
}

}  // namespace askpro::persistence
