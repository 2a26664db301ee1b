// Limits at the edge (SPEC S11): bodies (chunked too), header count and size, the time to
// receive headers, and slow clients that must not hold workers.
#include "net/http/respond.hpp"
#include "net/http/router.hpp"
#include "tests/integration/http_fixture.hpp"
#include "tests/integration/raw_client.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

using namespace askpro;
using askpro::testing::edge_fixture;
using askpro::testing::raw_client;
using askpro::testing::status_of;
using namespace std::chrono_literals;

namespace {

/// Answers the size of the body it received.
std::shared_ptr<net::http::route_group> size_route() {
  return testing::routes_of([](net::http::router& r) {
    r.post("/api/test/size", [](const httplib::Request& req, httplib::Response& res) {
      net::http::respond_json(res, 200, {{"bytes", req.body.size()}});
    });
  });
}

/// A chunked POST of `total` bytes in chunks of `chunk` bytes.
std::string chunked_post(std::size_t total, std::size_t chunk) {
  std::string out =
      "POST /api/test/size HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n"
      "Content-Type: application/octet-stream\r\n\r\n";
  char size_line[32];
  for (std::size_t sent = 0; sent < total; sent += chunk) {
    auto n = std::min(chunk, total - sent);
    std::snprintf(size_line, sizeof size_line, "%zx\r\n", n);
    out += size_line + std::string(n, 'a') + "\r\n";
  }
  return out + "0\r\n\r\n";
}

std::string get_with_headers(int count, std::size_t value_size = 8) {
  std::string out = "GET /api/health HTTP/1.1\r\nHost: t\r\n";
  for (int i = 0; i < count; ++i)
    out += "X-Filler-" + std::to_string(i) + ": " + std::string(value_size, 'v') + "\r\n";
  return out + "\r\n";
}

config::settings limit_settings() {
  auto s = testing::http_test_settings();
  s.http.max_body_bytes = 1 << 20;
  return s;
}

}  // namespace

TEST_CASE("a chunked body over max_body_bytes answers 413, one under it is served",
          "[http][limits]") {
  edge_fixture f(limit_settings());
  f.start({size_route()});

  raw_client small(f.ports.api);
  REQUIRE(small.send(chunked_post(100000, 4096)));
  auto ok = small.read_response();
  REQUIRE(status_of(ok) == 200);
  CHECK(nlohmann::json::parse(testing::body_of(ok))["bytes"] == 100000);

  raw_client big(f.ports.api);
  big.send(chunked_post(2 << 20, 65536));  // 2 MiB; the server may stop reading early
  auto refused = big.read_response();
  CHECK(status_of(refused) == 413);
  CHECK(refused.find("payload_too_large") != std::string::npos);
  CHECK(big.closed_within(5s));

  raw_client tiny_chunks(f.ports.api);  // framing does not count, payload does
  REQUIRE(tiny_chunks.send(chunked_post(200000, 7)));
  CHECK(status_of(tiny_chunks.read_response()) == 200);
}

TEST_CASE("too many header fields or too large a header block answer 431", "[http][limits]") {
  edge_fixture f(limit_settings());
  f.start();

  raw_client many(f.ports.api);
  many.send(get_with_headers(10000));
  auto refused = many.read_response();
  CHECK(status_of(refused) == 431);
  CHECK(refused.find("headers_too_large") != std::string::npos);
  CHECK(many.closed_within(5s));

  raw_client just_over(f.ports.api);
  just_over.send(get_with_headers(f.settings.http.max_headers + 1));
  CHECK(status_of(just_over.read_response()) == 431);

  raw_client large(f.ports.api);  // few fields, but 20 KiB of them
  large.send(get_with_headers(4, 5000));
  CHECK(status_of(large.read_response()) == 431);

  raw_client fine(f.ports.api);  // within both limits, on one keep-alive connection twice
  REQUIRE(fine.send(get_with_headers(f.settings.http.max_headers - 2)));
  CHECK(status_of(fine.read_response()) == 200);
  REQUIRE(fine.send(get_with_headers(10)));
  CHECK(status_of(fine.read_response()) == 200);
}

TEST_CASE("pipelined requests on one connection are all answered in order", "[http][limits]") {
  edge_fixture f(limit_settings());
  f.start({size_route()});
  raw_client c(f.ports.api);
  std::string post = "POST /api/test/size HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc";
  REQUIRE(c.send(get_with_headers(1) + post + get_with_headers(2)));
  CHECK(status_of(c.read_response()) == 200);
  auto sized = c.read_response();
  REQUIRE(status_of(sized) == 200);
  CHECK(nlohmann::json::parse(testing::body_of(sized))["bytes"] == 3);
  CHECK(status_of(c.read_response()) == 200);
}

TEST_CASE("slow clients do not hold workers and are cut off after header_timeout_s",
          "[http][limits][slowloris]") {
  auto s = limit_settings();
  s.http.threads = 2;  // fewer workers than slow clients
  s.http.header_timeout = 1s;
  edge_fixture f(s);
  f.start();

  std::atomic<bool> done{false};
  std::vector<std::unique_ptr<raw_client>> slow;
  for (int i = 0; i < 4; ++i) {
    slow.push_back(std::make_unique<raw_client>(f.ports.api));
    slow.back()->send("GET /api/health HTTP/1.1\r\nHost: t\r\n");
  }
  std::thread drip([&] {  // one more header byte per client every 50 ms, until cut off
    while (!done) {
      for (auto& c : slow) c->send("X");
      std::this_thread::sleep_for(50ms);
    }
  });

  auto client = f.api_client();
  for (int i = 0; i < 20; ++i) {
    auto started = std::chrono::steady_clock::now();
    auto res = client.Get("/api/health");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(std::chrono::steady_clock::now() - started < 500ms);
  }
  for (auto& c : slow) {
    auto answer = c->read_response(5s);
    CHECK(status_of(answer) == 408);
    CHECK(c->closed_within(5s));
  }
  done = true;
  drip.join();
}

TEST_CASE("an idle connection never sending a request is closed without a worker",
          "[http][limits]") {
  auto s = limit_settings();
  s.http.threads = 1;
  s.http.header_timeout = 1s;
  edge_fixture f(s);
  f.start();
  raw_client idle(f.ports.api);
  auto res = f.api_client().Get("/api/health");  // the only worker is free for this
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(idle.closed_within(5s));
}
