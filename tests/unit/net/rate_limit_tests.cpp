// The token bucket per API token, driven by a manual clock.
#include "net/http/rate_limit.hpp"

#include <catch2/catch.hpp>

#include <memory>
#include <thread>
#include <vector>

using namespace askpro;
using namespace std::chrono_literals;

TEST_CASE("a burst is allowed, then requests wait for the refill", "[rate]") {
  auto clock = std::make_shared<runtime::manual_clock>();
  net::http::local_rate_limiter limiter{{2.0, 5.0}, clock};
  for (int i = 0; i < 5; ++i) {
    auto d = limiter.take("token-a");
    REQUIRE(d.allowed);
    CHECK(d.remaining == 4 - i);
  }
  auto refused = limiter.take("token-a");
  CHECK_FALSE(refused.allowed);
  CHECK(refused.retry_after_s == 1);
  clock->advance(500ms);  // one token back at 2/s
  CHECK(limiter.take("token-a").allowed);
  CHECK_FALSE(limiter.take("token-a").allowed);
}

TEST_CASE("buckets are per key and refill only up to the burst", "[rate]") {
  auto clock = std::make_shared<runtime::manual_clock>();
  net::http::local_rate_limiter limiter{{1.0, 2.0}, clock};
  CHECK(limiter.take("a").allowed);
  CHECK(limiter.take("a").allowed);
  CHECK_FALSE(limiter.take("a").allowed);
  CHECK(limiter.take("b").allowed);  // another token has its own bucket
  clock->advance(1h);
  CHECK(limiter.take("a").remaining == 1);  // capped at the burst, not an hour's worth
}

TEST_CASE("a slow rate tells the client how long to wait", "[rate]") {
  auto clock = std::make_shared<runtime::manual_clock>();
  net::http::local_rate_limiter limiter{{0.1, 1.0}, clock};
  CHECK(limiter.take("a").allowed);
  auto refused = limiter.take("a");
  CHECK_FALSE(refused.allowed);
  CHECK(refused.retry_after_s == 10);
  clock->advance(4s);
  CHECK(limiter.take("a").retry_after_s == 6);
}

TEST_CASE("idle full buckets are forgotten", "[rate]") {
  auto clock = std::make_shared<runtime::manual_clock>();
  net::http::local_rate_limiter limiter{{10.0, 10.0}, clock};
  for (int i = 0; i < 100; ++i) limiter.take("key-" + std::to_string(i));
  CHECK(limiter.size() == 100);
  clock->advance(5s);
  limiter.take("another");
  CHECK(limiter.size() == 1);
}

TEST_CASE("concurrent takes never hand out more than the burst", "[rate]") {
  auto clock = std::make_shared<runtime::manual_clock>();
  net::http::local_rate_limiter limiter{{1.0, 50.0}, clock};
  std::atomic<int> allowed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i)
        if (limiter.take("shared").allowed) ++allowed;
    });
  for (auto& t : threads) t.join();
  CHECK(allowed == 50);
}
