// Tenant API: the route table (every registered route is guarded: 401 without a token, 403 for
// a read token on every write) and the time forms the API reads.
#include "actors/api/api_time.hpp"
#include "net/api/api_routes.hpp"
#include "tests/integration/api_fixture.hpp"

#include <date/date.h>

#include <algorithm>
#include <regex>

using namespace askpro;
using namespace askpro::test;

namespace {

/// Routes that answer without a token.
/// Routes served without a token: the OpenAPI document, and GET /mcp (always 405: no stream).
bool is_open(const net::api::api_route& r) {
  return r.path == "/api/v2/openapi.json" || (r.path == "/mcp" && r.method == "GET");
}

std::string concrete(const std::string& path) {
  return std::regex_replace(path, std::regex{"\\{[^}]+\\}"}, "1");
}

api_answer call(api_node& node, const std::string& token, const net::api::api_route& r) {
  auto path = concrete(r.path);
  if (r.method == "GET") return node.get(token, path);
  if (r.method == "POST") return node.post(token, path, std::string{"{}"});
  httplib::Client client{"127.0.0.1", node.port()};
  httplib::Headers headers{{"Authorization", "Bearer " + token}};
  if (token.empty()) headers.clear();
  auto res = r.method == "PATCH" ? client.Patch(path.c_str(), headers, "{}", "application/json")
                                 : client.Delete(path.c_str(), headers, "{}", "application/json");
  REQUIRE(res);
  return {res->status, res->body, res->headers};
}

}  // namespace

TEST_CASE("api route table - lists the catalog, availability and appointment routes", "[api]") {
  const auto& table = net::api::api_route_table();
  auto has = [&](const std::string& method, const std::string& path) {
    return std::any_of(table.begin(), table.end(),
                       [&](const auto& r) { return r.method == method && r.path == path; });
  };
  for (const char* res : {"branches", "services", "staff"}) {
    CHECK(has("GET", std::string{"/api/v2/"} + res));
    CHECK(has("GET", std::string{"/api/v2/"} + res + "/{id}"));
  }
  CHECK(has("GET", "/api/v2/availability"));
  CHECK(has("GET", "/api/v2/appointments"));
  CHECK(has("POST", "/api/v2/appointments"));
  CHECK(has("GET", "/api/v2/appointments/{id}"));
  CHECK(has("POST", "/api/v2/appointments/{id}/cancel"));
  CHECK(has("POST", "/api/v2/appointments/{id}/reschedule"));
}

API_CASE("api route table - every route needs a token and every write an admin token", "[auth]") {
  api_node node{db};
  auto reader = node.token("salon-a", "read");
  for (const auto& r : net::api::api_route_table()) {
    if (is_open(r)) continue;
    INFO(r.method << " " << r.path);
    expect_problem(call(node, "", r), 401, "unauthorized");
    // /mcp carries reads and writes in one POST: a read token's writes are refused per tool
    // (mcp_tests, "tokens keep to their tenant, branches and rights").
    if (r.method != "GET" && r.path != "/mcp")
      expect_problem(call(node, reader, r), 403, "forbidden");
  }
}

TEST_CASE("api times - ISO 8601 instants need an offset, local times follow the zone", "[api]") {
  using actors::api::parse_iso_instant;
  auto utc = [](int d, int h, int m = 0, int s = 0) {
    return date::sys_days{date::year{2026} / 12 / d} + std::chrono::hours{h} +
           std::chrono::minutes{m} + std::chrono::seconds{s};
  };
  CHECK(parse_iso_instant("2026-12-01T14:30:00+01:00") == utc(1, 13, 30));
  CHECK(parse_iso_instant("2026-12-01T14:30+0100") == utc(1, 13, 30));
  CHECK(parse_iso_instant("2026-12-01T13:30:15.250Z") == utc(1, 13, 30, 15));
  CHECK(parse_iso_instant("2026-12-01T00:30:00-02:30") == utc(1, 3, 0));
  for (const char* bad :
       {"2026-12-01T14:30:00", "2026-12-01", "2026-02-30T10:00:00Z", "2026-12-01T24:00:00Z",
        "2026-12-01T10:00:00+01:00x", "tomorrow", "2026-12-01T10:0:00Z"})
    CHECK_FALSE(parse_iso_instant(bad));
  CHECK(actors::api::local_instant("Europe/Berlin", "2026-12-01", "14:30") == utc(1, 13, 30));
  // 2026-03-29 02:30 does not exist in Berlin: the transition instant (01:00 UTC).
  CHECK(actors::api::local_instant("Europe/Berlin", "2026-03-29", "02:30") ==
        date::sys_days{date::year{2026} / 3 / 29} + std::chrono::hours{1});
  CHECK_FALSE(actors::api::local_instant("Mars/Olympus", "2026-12-01", "10:00"));
  CHECK(actors::api::iso_in_zone("Europe/Berlin", utc(1, 13, 30)) == "2026-12-01T14:30:00+01:00");
}
