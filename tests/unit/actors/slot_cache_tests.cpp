// The remote connection's slot cache: answers reused until the ttl, dropped all at once, none
// kept with a zero ttl; expired entries are not answered and are cleared on the next store.
#include "actors/calendar/slot_cache.hpp"

#include <catch2/catch.hpp>

using askpro::actors::calendar::slot_cache;
using namespace std::chrono_literals;

TEST_CASE("slot cache: reused within the ttl, not after", "[slot_cache]") {
  slot_cache cache{30s};
  askpro::runtime::clock::time_point t0{std::chrono::hours{24 * 365 * 56}};
  slot_cache::key monday{1201, 1000, 2000, 30}, other_length{1201, 1000, 2000, 45};
  CHECK_FALSE(cache.get(monday, t0));
  cache.put(monday, {1100, 1200}, t0);
  CHECK(cache.get(monday, t0 + 29s) == std::vector<int64_t>{1100, 1200});
  CHECK_FALSE(cache.get(other_length, t0));  // another question
  CHECK_FALSE(cache.get(monday, t0 + 30s));  // expired exactly at the ttl
  CHECK(cache.hits() == 1);
  CHECK(cache.misses() == 3);
  CHECK(cache.size() == 0);
}

TEST_CASE("slot cache: a booking change drops everything; a zero ttl keeps nothing",
          "[slot_cache]") {
  askpro::runtime::clock::time_point t0{std::chrono::hours{24 * 365 * 56}};
  slot_cache cache{30s};
  cache.put({1, 0, 10, 30}, {1}, t0);
  cache.put({2, 0, 10, 30}, {2}, t0);
  CHECK(cache.size() == 2);
  cache.clear();
  CHECK(cache.size() == 0);
  CHECK(cache.drops() == 1);
  CHECK_FALSE(cache.get({1, 0, 10, 30}, t0));
  cache.put({1, 0, 10, 30}, {1}, t0);
  cache.put({3, 0, 10, 30}, {3}, t0 + 31s);  // storing sweeps the expired entry
  CHECK(cache.size() == 1);
  slot_cache off{0ms};
  off.put({1, 0, 10, 30}, {1}, t0);
  CHECK(off.size() == 0);
}
