#pragma once
/// Talking to a voice node's ops listener in the ops suites: authenticated requests, a scrape of
/// /metrics parsed into samples, and the node's breaker of branch "mitte".

#include "tests/integration/voice_fixture.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace askpro::test {

/// Samples of a Prometheus text scrape: "name{labels}" exactly as written → value.
using samples = std::map<std::string, double>;

class ops_client {
 public:
  explicit ops_client(const voice_node& n, std::string token = "ops-secret");

  /// GET or POST (empty body) with the bearer token and `X-Ops-User: tester`.
  httplib::Result get(const std::string& path, const httplib::Headers& extra = {});
  httplib::Result post(const std::string& path, const httplib::Headers& extra = {});
  /// The JSON of a 200 answer (REQUIREs both).
  nlohmann::json get_json(const std::string& path);
  /// The /metrics text (REQUIREs 200 and the 0.0.4 content type).
  std::string scrape();

 private:
  httplib::Client client_;
  httplib::Headers headers_;
};

samples parse_samples(const std::string& text);
/// after[key] − before[key] (absent samples count as 0).
double delta(const samples& before, const samples& after, const std::string& key);

/// The breaker of the salon's branch "mitte" (the calendar connection's).
inline constexpr const char* mitte_breaker = "/tenants/salon/calendars/mitte/breaker";

}  // namespace askpro::test
