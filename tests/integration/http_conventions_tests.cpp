// Conventions of every listener: problem+json errors, 404/405/413/500, request ids, access log.
#include "net/http/request_id.hpp"
#include "net/http/respond.hpp"
#include "net/http/router.hpp"
#include "tests/integration/http_fixture.hpp"
#include "tests/integration/log_capture.hpp"

#include <spdlog/spdlog.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <stdexcept>

using namespace askpro;
using askpro::testing::edge_fixture;
using namespace std::chrono_literals;

namespace {

std::shared_ptr<net::http::route_group> failing_routes() {
  return testing::routes_of([](net::http::router& r) {
    r.get("/api/test/taken", [](const httplib::Request&, httplib::Response& res) {
      net::http::respond_error(res, make_error(errc::slot_taken, "the slot is taken"));
    });
    r.get("/api/test/storage", [](const httplib::Request&, httplib::Response& res) {
      net::http::respond_error(res, make_error(errc::storage, "table appointments is locked"));
    });
    r.get("/api/test/throw", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("partial", "text/plain");
      throw std::runtime_error("secret-detail-4711");
    });
    r.post("/api/test/echo", [](const httplib::Request& req, httplib::Response& res) {
      auto body = net::http::parse_json_body(req);
      if (!body) return net::http::respond_bad_json(res, body.error());
      net::http::respond_json(res, 200, *body);
    });
    r.get("/api/test/log", [](const httplib::Request&, httplib::Response& res) {
      spdlog::info("inside the handler");
      net::http::respond_json(res, 200, {{"logged", true}});
    });
  });
}

/// Checks the problem document shape and returns it.
nlohmann::json require_problem(const httplib::Result& res, int status, const std::string& code) {
  REQUIRE(res);
  CHECK(res->status == status);
  CHECK(res->get_header_value("Content-Type") == "application/problem+json");
  auto doc = nlohmann::json::parse(res->body);
  CHECK(doc["status"] == status);
  CHECK(doc["code"] == code);
  CHECK(doc["type"] == "https://askpro.dev/problems/" + code);
  CHECK(doc["title"].is_string());
  CHECK(doc["detail"].is_string());
  CHECK(doc["errors"].is_array());
  CHECK(net::http::is_sane_request_id(res->get_header_value("X-Request-Id")));
  return doc;
}

}  // namespace

TEST_CASE("unknown routes answer a 404 problem", "[http][conventions]") {
  edge_fixture f;
  f.start();
  auto doc = require_problem(f.api_client().Get("/api/nothing/here"), 404, "not_found");
  CHECK(doc["title"] == "Not Found");
}

TEST_CASE("a known path with another method answers 405 with Allow", "[http][conventions]") {
  edge_fixture f;
  f.start();
  auto res = f.api_client().Post("/api/health", "{}", "application/json");
  require_problem(res, 405, "method_not_allowed");
  CHECK(res->get_header_value("Allow") == "GET, HEAD");
}

TEST_CASE("handler errors map to status and keep their code", "[http][conventions]") {
  edge_fixture f;
  f.start({failing_routes()});
  auto taken = require_problem(f.api_client().Get("/api/test/taken"), 409, "slot_taken");
  CHECK(taken["detail"] == "the slot is taken");

  auto storage = require_problem(f.api_client().Get("/api/test/storage"), 503, "storage");
  CHECK(storage["detail"].get<std::string>().find("appointments") == std::string::npos);
}

TEST_CASE("a throwing handler answers 500 without the exception text", "[http][conventions]") {
  testing::log_capture logs;
  edge_fixture f;
  f.start({failing_routes()});
  auto res = f.api_client().Get("/api/test/throw");
  auto doc = require_problem(res, 500, "internal");
  CHECK(res->body.find("secret-detail-4711") == std::string::npos);
  CHECK(res->body.find("partial") == std::string::npos);
  REQUIRE(logs.wait_for("/api/test/throw 500", 5s));
  for (const auto& line : logs.lines())
    CHECK(line.message.find("secret-detail-4711") == std::string::npos);

  auto after = f.api_client().Get("/api/health");  // the worker survived
  REQUIRE(after);
  CHECK(after->status == 200);
}

TEST_CASE("bodies over max_body_bytes answer a 413 problem", "[http][conventions]") {
  auto settings = testing::http_test_settings();
  settings.http.max_body_bytes = 64;
  edge_fixture f(settings);
  f.start({failing_routes()});
  auto small = f.api_client().Post("/api/test/echo", R"({"a":1})", "application/json");
  REQUIRE(small);
  CHECK(small->status == 200);

  std::string big = R"({"pad":")" + std::string(1000, 'x') + R"("})";
  require_problem(f.api_client().Post("/api/test/echo", big, "application/json"), 413,
                  "payload_too_large");
}

TEST_CASE("malformed JSON bodies answer a 400 problem", "[http][conventions]") {
  edge_fixture f;
  f.start({failing_routes()});
  auto doc = require_problem(f.api_client().Post("/api/test/echo", "{not json", "application/json"),
                             400, "bad_request");
  CHECK(doc["detail"] == "the body is not valid JSON");
}

TEST_CASE("a sane X-Request-Id is echoed", "[http][conventions][request-id]") {
  edge_fixture f;
  f.start();
  auto res = f.api_client().Get("/api/health", {{"X-Request-Id", "req-42.a_B"}});
  REQUIRE(res);
  CHECK(res->get_header_value("X-Request-Id") == "req-42.a_B");
  auto missing = f.api_client().Get("/nope", {{"X-Request-Id", "trace-404"}});
  REQUIRE(missing);
  CHECK(missing->get_header_value("X-Request-Id") == "trace-404");
}

TEST_CASE("a missing or malformed X-Request-Id is replaced", "[http][conventions][request-id]") {
  edge_fixture f;
  f.start();
  auto absent = f.api_client().Get("/api/health");
  REQUIRE(absent);
  auto generated = absent->get_header_value("X-Request-Id");
  CHECK(generated.size() == 32);
  CHECK(net::http::is_sane_request_id(generated));

  for (std::string bad : {std::string("has space"), std::string("semi;colon"),
                          std::string(129, 'a'), std::string("quote\"")}) {
    auto res = f.api_client().Get("/api/health", {{"X-Request-Id", bad}});
    REQUIRE(res);
    auto id = res->get_header_value("X-Request-Id");
    CHECK(id != bad);
    CHECK(id.size() == 32);
  }
  auto again = f.api_client().Get("/api/health");
  REQUIRE(again);
  CHECK(again->get_header_value("X-Request-Id") != generated);
}

TEST_CASE("handler logs carry the request id and the access log omits query and auth",
          "[http][conventions][log]") {
  testing::log_capture logs;
  edge_fixture f;
  f.start({failing_routes()});
  auto res = f.api_client().Get("/api/test/log?phone=%2B4930123",
                                {{"X-Request-Id", "corr-7"}, {"Authorization", "Bearer tok-99"}});
  REQUIRE(res);
  CHECK(res->status == 200);

  auto inside = logs.wait_for("inside the handler", 5s);
  REQUIRE(inside);
  CHECK(inside->correlation_id == "corr-7");
  auto access = logs.wait_for("GET /api/test/log 200", 5s);
  REQUIRE(access);
  CHECK(access->correlation_id == "corr-7");
  CHECK(access->message.find("api ") == 0);
  CHECK(access->message.find("ms") != std::string::npos);
  for (const auto& line : logs.lines()) {
    CHECK(line.message.find("4930123") == std::string::npos);
    CHECK(line.message.find("tok-99") == std::string::npos);
  }
}
