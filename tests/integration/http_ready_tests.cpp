// Readiness: the API listener pings "/db" (and "/redis" when configured) through the bridge.
#include "tests/integration/http_fixture.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace askpro;
using askpro::testing::edge_fixture;
using askpro::testing::ping_reply;

namespace {

nlohmann::json get_ready(edge_fixture& f, int expected_status) {
  auto res = f.api_client().Get("/api/health/ready");
  REQUIRE(res);
  CHECK(res->status == expected_status);
  CHECK(res->get_header_value("Content-Type") ==
        (expected_status == 200 ? "application/json" : "application/problem+json"));
  return nlohmann::json::parse(res->body);
}

config::settings with_redis() {
  auto s = testing::http_test_settings();
  s.redis.url = "redis://127.0.0.1:6379/0";
  return s;
}

}  // namespace

TEST_CASE("ready when the database actor answers ping", "[http][ready]") {
  edge_fixture f;
  f.register_fake("/db", ping_reply::ok);
  f.start();
  auto doc = get_ready(f, 200);
  CHECK(doc == nlohmann::json{{"status", "ready"},
                              {"checks", {{"database", "ok"}, {"redis", "disabled"}}},
                              {"open_breakers", nlohmann::json::array()}});
}

TEST_CASE("not ready when the database actor answers an error", "[http][ready]") {
  edge_fixture f;
  f.register_fake("/db", ping_reply::error);
  f.start();
  auto doc = get_ready(f, 503);
  CHECK(doc["code"] == "not_ready");
  CHECK(doc["status"] == 503);
  CHECK(doc["checks"]["database"] == "error");
  CHECK(doc["detail"].get<std::string>().find("database") != std::string::npos);
}

TEST_CASE("not ready when no database actor is registered", "[http][ready]") {
  edge_fixture f;
  f.start();
  auto doc = get_ready(f, 503);
  CHECK(doc["checks"]["database"] == "missing");
}

TEST_CASE("not ready when the database actor does not answer in time", "[http][ready]") {
  net::edge_options options;
  options.ready_timeout = std::chrono::milliseconds(200);
  edge_fixture f(testing::http_test_settings(), options);
  f.register_fake("/db", ping_reply::never);
  f.start();
  auto doc = get_ready(f, 503);
  CHECK(doc["checks"]["database"] == "timeout");
}

TEST_CASE("with Redis configured, readiness asks /redis too", "[http][ready]") {
  SECTION("both answer") {
    edge_fixture f(with_redis());
    f.register_fake("/db");
    f.register_fake("/redis");
    f.start();
    auto doc = get_ready(f, 200);
    CHECK(doc["checks"] == nlohmann::json{{"database", "ok"}, {"redis", "ok"}});
  }
  SECTION("redis fails") {
    edge_fixture f(with_redis());
    f.register_fake("/db");
    f.register_fake("/redis", ping_reply::error);
    f.start();
    auto doc = get_ready(f, 503);
    CHECK(doc["checks"]["database"] == "ok");
    CHECK(doc["checks"]["redis"] == "error");
    CHECK(doc["detail"] == "not ready: redis");
  }
}
