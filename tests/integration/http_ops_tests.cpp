// The ops listener: bearer token on every route, the live tree and single nodes.
#include "tests/integration/http_fixture.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>

using namespace askpro;
using askpro::testing::edge_fixture;

namespace {

void require_unauthorized(const httplib::Result& res) {
  REQUIRE(res);
  CHECK(res->status == 401);
  CHECK(res->get_header_value("Content-Type") == "application/problem+json");
  CHECK(res->get_header_value("WWW-Authenticate") == "Bearer");
  CHECK(nlohmann::json::parse(res->body)["code"] == "unauthorized");
}

void register_tree(edge_fixture& f) {
  f.register_fake("/");
  f.register_fake("/db");
  f.register_fake("/tenants");
}

bool contains(const std::vector<std::string>& xs, const std::string& x) {
  return std::find(xs.begin(), xs.end(), x) != xs.end();
}

}  // namespace

TEST_CASE("ops refuses requests without a token", "[http][ops]") {
  edge_fixture f;
  register_tree(f);
  f.start();
  require_unauthorized(f.ops_client().Get("/ops/actors"));
  require_unauthorized(f.ops_client().Get("/ops/unknown"));  // no route discovery either
}

TEST_CASE("ops refuses a wrong token", "[http][ops]") {
  edge_fixture f;
  register_tree(f);
  f.start();
  auto client = f.ops_client();
  client.set_bearer_token_auth("ops-secreT");
  require_unauthorized(client.Get("/ops/actors"));
  auto basic = f.ops_client();
  basic.set_basic_auth("ops", "ops-secret");
  require_unauthorized(basic.Get("/ops/actors"));
}

TEST_CASE("ops refuses everything when no token is configured", "[http][ops]") {
  edge_fixture f(testing::http_test_settings(""));
  register_tree(f);
  f.start();
  auto client = f.ops_client();
  require_unauthorized(client.Get("/ops/actors"));
  client.set_default_headers({{"Authorization", "Bearer "}});
  require_unauthorized(client.Get("/ops/actors"));
}

TEST_CASE("ops lists the live tree with the token", "[http][ops]") {
  edge_fixture f;
  register_tree(f);
  f.start();
  auto client = f.ops_client();
  client.set_bearer_token_auth("ops-secret");
  auto res = client.Get("/ops/actors");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Type") == "application/json");
  auto paths = testing::tree_paths(res->body);
  CHECK(contains(paths, "/"));
  CHECK(contains(paths, "/db"));
  CHECK(contains(paths, "/tenants"));
}

TEST_CASE("ops inspects one node and answers 404 for an absent one", "[http][ops]") {
  edge_fixture f;
  register_tree(f);
  f.register_fake("/tenants/acme");
  f.start();
  auto client = f.ops_client();
  client.set_bearer_token_auth("ops-secret");

  auto node = client.Get("/ops/actors/tenants/acme");
  REQUIRE(node);
  CHECK(node->status == 200);
  auto doc = nlohmann::json::parse(node->body);
  CHECK(doc["path"] == "/tenants/acme");
  CHECK(doc["kind"] == "fake");

  auto absent = client.Get("/ops/actors/tenants/nobody");
  REQUIRE(absent);
  CHECK(absent->status == 404);
  CHECK(absent->get_header_value("Content-Type") == "application/problem+json");
}
