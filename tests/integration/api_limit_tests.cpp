// Tenant API rate limits per token with the in-process bucket on a manual clock: 429 problem
// with Retry-After, other tokens unaffected, admitted again once the clock moves.
#include "tests/integration/api_call_fixture.hpp"

using nlohmann::json;
using namespace askpro::test;
using namespace std::chrono_literals;

API_CASE("api rate limit: 429 with Retry-After until the bucket refills", "[limit]") {
  api_node node{db, {0.5, 3.0}};
  auto token = node.token("salon", "read");
  for (int i = 0; i < 3; ++i) CHECK(node.get("/api/v2/customers", token)->status == 200);
  auto refused = node.get("/api/v2/customers", token);
  REQUIRE(refused);
  CHECK(refused->status == 429);
  CHECK(refused->get_header_value("Retry-After") == "2");
  CHECK(refused->get_header_value("Content-Type") == "application/problem+json");
  CHECK(json::parse(refused->body)["code"] == "rate_limited");
  CHECK(node.get("/api/v2/calls", node.token("salon", "read"))->status == 200);  // own bucket
  node.clock().advance(1s);
  CHECK(node.get("/api/v2/customers", token)->get_header_value("Retry-After") == "1");
  node.clock().advance(1s);
  CHECK(node.get("/api/v2/customers", token)->status == 200);
  CHECK(node.get("/api/v2/openapi.json", "")->status == 200);  // public, not limited
}
