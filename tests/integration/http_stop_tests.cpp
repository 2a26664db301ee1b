// Graceful stop: in-flight requests finish, new connections are refused.
#include "net/http/router.hpp"
#include "tests/integration/http_fixture.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <future>
#include <thread>

using namespace askpro;
using askpro::testing::edge_fixture;
using namespace std::chrono_literals;

namespace {

/// True when a TCP connection to 127.0.0.1:port is accepted by the kernel.
bool connectable(uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

/// Polls until the listener refuses connections; false after `limit`.
bool wait_until_refused(uint16_t port, std::chrono::seconds limit) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (!connectable(port)) return true;
    std::this_thread::yield();
  }
  return false;
}

}  // namespace

TEST_CASE("stop lets an in-flight request finish and refuses new connections", "[http][stop]") {
  std::promise<void> entered;
  std::promise<void> release;
  auto released = release.get_future().share();
  auto slow = testing::routes_of([&](net::http::router& r) {
    r.get("/api/slow", [&entered, released](const httplib::Request&, httplib::Response& res) {
      entered.set_value();
      released.wait();
      res.set_content("done", "text/plain");
    });
  });
  edge_fixture f;
  f.start({slow});
  auto port = f.ports.api;

  auto in_flight = std::async(std::launch::async, [&] { return f.api_client().Get("/api/slow"); });
  REQUIRE(entered.get_future().wait_for(10s) == std::future_status::ready);

  auto stopping = std::async(std::launch::async, [&] { f.edge->stop(); });
  REQUIRE(wait_until_refused(port, 10s));
  CHECK(stopping.wait_for(0s) == std::future_status::timeout);  // still draining

  release.set_value();
  REQUIRE(stopping.wait_for(10s) == std::future_status::ready);
  auto res = in_flight.get();
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->body == "done");
  CHECK_FALSE(connectable(port));
  CHECK_FALSE(connectable(f.ports.ops));
}

TEST_CASE("stop is idempotent and the destructor stops a running edge", "[http][stop]") {
  edge_fixture f;
  f.start();
  f.edge->stop();
  f.edge->stop();
  CHECK_FALSE(connectable(f.ports.api));
  edge_fixture g;
  g.start();
  auto port = g.ports.api;
  g.edge.reset();
  CHECK_FALSE(connectable(port));
}
