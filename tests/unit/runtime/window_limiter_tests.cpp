// The sliding-window limiter: never more than `limit` grants in any window, whatever the
// arrival pattern, and pauses from a provider's 429.
#include "runtime/window_limiter.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <vector>

namespace {

using askpro::runtime::clock;
using askpro::runtime::window_limiter;
using ms = std::chrono::milliseconds;

const clock::time_point t0{std::chrono::hours{24 * 365 * 56}};

/// The most grants found in any window of `w` (every window starting at a grant).
std::size_t max_in_any_window(const std::vector<clock::time_point>& grants, ms w) {
  std::size_t best = 0, lo = 0;
  for (std::size_t hi = 0; hi < grants.size(); ++hi) {
    while (grants[lo] + w <= grants[hi]) ++lo;
    best = std::max(best, hi - lo + 1);
  }
  return best;
}

}  // namespace

TEST_CASE("a burst gets the limit at once, the next when the first leaves the window",
          "[limiter]") {
  window_limiter lim{120, ms{60000}};
  for (int i = 0; i < 120; ++i) REQUIRE_FALSE(lim.try_acquire(t0 + ms{i}));
  auto wait = lim.try_acquire(t0 + ms{500});
  REQUIRE(wait);
  CHECK(*wait == t0 + ms{60000});
  CHECK(lim.in_window(t0 + ms{500}) == 120);
  CHECK(lim.try_acquire(t0 + ms{59999}));
  CHECK_FALSE(lim.try_acquire(t0 + ms{60000}));
  CHECK(lim.try_acquire(t0 + ms{60000}));  // the second grant leaves at 60001
  CHECK_FALSE(lim.try_acquire(t0 + ms{60001}));
}

TEST_CASE("random arrivals never exceed the limit in any window", "[limiter]") {
  window_limiter lim{10, ms{1000}};
  std::mt19937 rng{7};
  std::uniform_int_distribution<int> gap{0, 150};
  std::vector<clock::time_point> grants;
  auto now = t0;
  for (int i = 0; i < 5000; ++i) {
    now += ms{gap(rng)};
    if (!lim.try_acquire(now)) grants.push_back(now);
  }
  CHECK(grants.size() > 300);  // it does let requests through
  CHECK(max_in_any_window(grants, ms{1000}) == 10);
}

TEST_CASE("a pause holds every grant back until it ends; earlier pauses do not shorten it",
          "[limiter]") {
  window_limiter lim{5, ms{1000}};
  lim.pause_until(t0 + ms{3000});
  lim.pause_until(t0 + ms{2000});
  auto wait = lim.try_acquire(t0);
  REQUIRE(wait);
  CHECK(*wait == t0 + ms{3000});
  CHECK(lim.next_free(t0 + ms{2999}) == t0 + ms{3000});
  CHECK_FALSE(lim.try_acquire(t0 + ms{3000}));
}
