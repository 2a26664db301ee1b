// The OpenAPI document: served publicly, and its paths and methods are exactly the routes the
// API registers (api_route_table()).
#include "net/api/api_routes.hpp"
#include "net/api/openapi.hpp"
#include "tests/integration/api_call_fixture.hpp"

#include <set>

using nlohmann::json;
using namespace askpro;
using namespace askpro::test;

namespace {

std::set<std::string> documented() {
  auto doc = json::parse(net::api::openapi_document());
  std::set<std::string> out;
  for (const auto& [path, item] : doc.at("paths").items())
    for (const auto& [method, op] : item.items()) {
      std::string upper;
      for (char c : method) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      out.insert(upper + " " + path);
    }
  return out;
}

}  // namespace

TEST_CASE("api openapi: every route is documented and every documented route exists",
          "[api][openapi]") {
  std::set<std::string> routes;
  for (const auto& r : net::api::api_route_table()) routes.insert(r.method + " " + r.path);
  auto doc = documented();
  for (const auto& r : routes) {
    INFO("route missing from openapi.json: " << r);
    CHECK(doc.count(r) == 1);
  }
  for (const auto& d : doc) {
    INFO("documented but not implemented: " << d);
    CHECK(routes.count(d) == 1);
  }
}

TEST_CASE("api openapi: the document is OpenAPI 3.1 with problem responses", "[api][openapi]") {
  auto doc = json::parse(net::api::openapi_document());
  CHECK(doc["openapi"] == "3.1.0");
  CHECK(doc["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer");
  auto limited = doc["components"]["responses"]["TooManyRequests"];
  CHECK(limited["headers"].contains("Retry-After"));
  CHECK(limited["content"].contains("application/problem+json"));
}

API_CASE("api openapi: served without a token", "[openapi]") {
  api_node node{db};
  auto res = node.get("/api/v2/openapi.json", "");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Type") == "application/json");
  CHECK(res->body == std::string{net::api::openapi_document()});
}
