// Two nodes with Cal.com branches sharing one Redis (SQLite and MariaDB): a slot answer fetched
// by one node serves the other without a request to Cal.com (the L2 cache), and a booking on
// one node drops the other node's cached answer at once (pub/sub), so it never offers the
// slot just taken.
#include "tests/integration/calcom_fixture.hpp"
#include "tests/support/services.hpp"

#include <catch2/catch.hpp>

namespace {

using namespace askpro::test;
using nlohmann::json;

const json wed_10{{"date", "2026-12-02"}, {"time", "10:00"}, {"service", "cut"}, {"name", "Erika"}};

}  // namespace

VOICE_CASE("two nodes share Cal.com slot answers and drop them together", "[calcom][redis]") {
  ASKPRO_NEED_REDIS(url);
  calcom_env env{db, calcom_test_settings(), url};
  auto other = env.another_node(db);
  struct releaser {
    calcom_env& env;
    voice_node& node;
    ~releaser() { env.release(node); }
  } release_other{env, *other};
  REQUIRE(eventually([&] { return env.invalidation_subscribers() == 2; }));

  CHECK(env.node->call("check_availability", wed_10, "call_a1")["data"]["available"] == true);
  auto asked = env.fake_requests();
  CHECK(other->call("check_availability", wed_10, "call_b1")["data"]["available"] == true);
  CHECK(env.fake_requests() == asked);  // served from the shared cache

  auto booked = env.node->call("book_appointment", wed_10, "call_a1");
  REQUIRE(booked["success"] == true);
  // The other node had the slot cached as free; the booking's invalidation reaches it.
  int attempt = 0;
  CHECK(eventually([&] {
    auto r = other->call("check_availability", wed_10, "call_b" + std::to_string(++attempt + 1));
    return r["data"]["available"] == false;
  }));
}
