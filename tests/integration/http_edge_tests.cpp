// The edge facade: listeners on port 0, liveness, bind failures and pluggable route groups.
#include "net/http/respond.hpp"
#include "net/http/router.hpp"
#include "tests/integration/http_fixture.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace askpro;
using askpro::testing::edge_fixture;

TEST_CASE("edge binds both listeners on ephemeral ports and serves liveness", "[http][edge]") {
  edge_fixture f;
  f.start();
  CHECK(f.ports.api != f.ports.ops);
  CHECK(f.edge->ports().api == f.ports.api);

  auto res = f.api_client().Get("/api/health");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Type") == "application/json");
  CHECK(nlohmann::json::parse(res->body) == nlohmann::json{{"status", "ok"}});
}

TEST_CASE("a taken port makes start fail with unavailable", "[http][edge]") {
  edge_fixture first;
  first.start();

  auto settings = testing::http_test_settings();
  settings.http.listen.port = first.ports.api;
  edge_fixture second(settings);
  second.edge = std::make_unique<net::edge>(second.settings, second.sys, second.registry);
  auto started = second.edge->start();
  REQUIRE_FALSE(started);
  CHECK(code_of(started.error()) == errc::unavailable);

  auto res = first.api_client().Get("/api/health");
  REQUIRE(res);
  CHECK(res->status == 200);
}

TEST_CASE("a fixed port is bound as configured", "[http][edge]") {
  // Find a free port by binding port 0 once, then ask for it explicitly.
  uint16_t port = 0;
  {
    edge_fixture probe;
    probe.start();
    port = probe.ports.api;
  }
  auto settings = testing::http_test_settings();
  settings.http.listen.port = port;
  edge_fixture f(settings);
  f.start();
  CHECK(f.ports.api == port);
  auto res = f.api_client().Get("/api/health");
  REQUIRE(res);
  CHECK(res->status == 200);
}

TEST_CASE("route groups added to the edge are served on their listener", "[http][edge]") {
  edge_fixture f;
  auto api = testing::routes_of([](net::http::router& r) {
    r.get("/api/echo/(\\w+)", [](const httplib::Request& req, httplib::Response& res) {
      net::http::respond_json(res, 200, {{"word", req.matches[1].str()}});
    });
  });
  auto ops = testing::routes_of([](net::http::router& r) {
    r.get("/ops/hello", [](const httplib::Request&, httplib::Response& res) {
      net::http::respond_json(res, 200, {{"hello", true}});
    });
  });
  f.start({api}, {ops});

  auto res = f.api_client().Get("/api/echo/salon");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(nlohmann::json::parse(res->body)["word"] == "salon");

  auto ops_client = f.ops_client();
  ops_client.set_bearer_token_auth("ops-secret");
  auto hello = ops_client.Get("/ops/hello");
  REQUIRE(hello);
  CHECK(hello->status == 200);
  auto wrong_listener = f.api_client().Get("/ops/hello");
  REQUIRE(wrong_listener);
  CHECK(wrong_listener->status == 404);
}

TEST_CASE("one keep-alive connection serves many requests", "[http][edge]") {
  edge_fixture f;
  f.start();
  auto client = f.api_client();
  client.set_keep_alive(true);
  for (int i = 0; i < 20; ++i) {
    auto res = client.Get("/api/health");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Connection") != "close");
  }
}

TEST_CASE("starting the edge twice is refused", "[http][edge]") {
  edge_fixture f;
  f.start();
  auto again = f.edge->start();
  REQUIRE_FALSE(again);
  CHECK(code_of(again.error()) == errc::internal);
}
