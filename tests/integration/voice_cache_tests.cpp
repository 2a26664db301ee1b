// The voice fast path keeps its promises (SQLite and MariaDB): the remembered number → tenant
// route never lets a changed key or a deactivated tenant through for long, and call events
// recorded concurrently (sharing commits) are each stored exactly once.
#include "tests/integration/voice_fixture.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

using namespace askpro;
using namespace askpro::test;
using fakes::retell_client;

namespace {

int status_of(const httplib::Result& r) {
  REQUIRE(r);
  return r->status;
}

std::string started(const std::string& call_id) {
  return retell_client::event("call_started", call_id, caller_number, salon_number).dump();
}

void set_company(const backend& db, const std::string& column, const std::string& value) {
  auto conn = db.connect();
  expect_ok(conn->execute("UPDATE companies SET " + column + " = ? WHERE slug = 'salon'", {value}));
}

}  // namespace

VOICE_CASE("a new Retell key verifies on its first request and the old one is refused after",
           "[signature][cache]") {
  voice_node n{db};
  auto c = n.client();
  REQUIRE(status_of(c.post("/webhooks/retell", started("call_k1"), n.now_ms())) == 204);
  set_company(db, "retell_api_key", "key_rotated");  // the route with the old key is remembered
  CHECK(status_of(c.post("/webhooks/retell", started("call_k2"), n.now_ms(),
                         std::string{"key_rotated"})) == 204);
  CHECK(status_of(c.post("/webhooks/retell", started("call_k3"), n.now_ms())) == 401);
  CHECK(count_rows(db, "calls") == 2);
}

VOICE_CASE("a deactivated tenant's number stops answering within the route ttl", "[cache]") {
  voice_node n{db};
  auto c = n.client();
  REQUIRE(status_of(c.post("/webhooks/retell", started("call_d1"), n.now_ms())) == 204);
  set_company(db, "status", "suspended");
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{10};
  int status = 0;
  for (int i = 0; std::chrono::steady_clock::now() < deadline; ++i) {
    status = status_of(
        c.post("/webhooks/retell", started("call_d" + std::to_string(i + 2)), n.now_ms()));
    if (status != 204) break;
    std::this_thread::sleep_for(std::chrono::milliseconds{100});
  }
  CHECK(status == 404);
}

VOICE_CASE("call events sent at the same time are each recorded once", "[events][cache]") {
  voice_node n{db};
  constexpr int threads = 16, calls_each = 5;
  std::atomic<int> refused{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      auto c = n.client();
      for (int i = 0; i < calls_each; ++i) {
        // Every call's event is delivered twice, by two different threads at about once.
        auto id = "call_g" + std::to_string((t / 2) * calls_each + i);
        auto r = c.post("/webhooks/retell", started(id), n.now_ms());
        if (!r || r->status != 204) ++refused;
      }
    });
  for (auto& th : pool) th.join();
  CHECK(refused == 0);
  CHECK(count_rows(db, "calls") == threads / 2 * calls_each);
  CHECK(count_rows(db, "webhook_inbox") == threads / 2 * calls_each);
}
