// The breaker's state machine without actors: late outcomes, operator controls, bounded log.
#include "runtime/breaker_fsm.hpp"

#include <catch2/catch.hpp>

using namespace askpro::runtime;
using namespace std::chrono_literals;
using verdict = breaker_fsm::verdict;

namespace {

const clock::time_point t0{std::chrono::hours{24 * 365 * 56}};

breaker_fsm make() {
  return breaker_fsm{{2, 1000ms, 4000ms, 2.0}};
}

void trip(breaker_fsm& fsm, clock::time_point at) {
  for (int i = 0; i < 2; ++i) fsm.record(fsm.admit(at), true, at, "boom");
  REQUIRE(fsm.state() == breaker_state::open);
}

}  // namespace

TEST_CASE("a late failure from before the trip does not reopen a closed breaker",
          "[breaker][fsm]") {
  auto fsm = make();
  auto early = fsm.admit(t0);  // admitted while closed, answers much later
  trip(fsm, t0);
  auto trial = fsm.admit(t0 + 1000ms);
  REQUIRE(trial.kind == verdict::trial);
  fsm.record(trial, false, t0 + 1000ms, {});
  REQUIRE(fsm.state() == breaker_state::closed);
  fsm.record(early, true, t0 + 1001ms, "late");
  CHECK(fsm.consecutive_failures() == 0);
  CHECK(fsm.total_failures() == 3);
}

TEST_CASE("an outcome of a closed-state call does not decide the half-open trial",
          "[breaker][fsm]") {
  auto fsm = make();
  trip(fsm, t0);
  auto stale = breaker_fsm::ticket{verdict::call, 0};
  auto trial = fsm.admit(t0 + 1000ms);
  REQUIRE(trial.kind == verdict::trial);
  fsm.record(stale, false, t0 + 1000ms, {});
  CHECK(fsm.state() == breaker_state::half_open);
  CHECK(fsm.trial_in_flight());
  CHECK(fsm.admit(t0 + 1000ms).kind == verdict::reject);
}

TEST_CASE("a trial outcome after an operator reset changes nothing", "[breaker][fsm]") {
  auto fsm = make();
  trip(fsm, t0);
  auto trial = fsm.admit(t0 + 1000ms);
  fsm.force_close(t0 + 1000ms);
  fsm.record(trial, true, t0 + 1001ms, "late trial");
  CHECK(fsm.state() == breaker_state::closed);
  CHECK(fsm.reset_timeout() == 1000ms);
}

TEST_CASE("force_open while open restarts the reset timeout", "[breaker][fsm]") {
  auto fsm = make();
  trip(fsm, t0);
  fsm.force_open(t0 + 900ms);
  fsm.refresh(t0 + 1000ms);
  CHECK(fsm.state() == breaker_state::open);
  fsm.refresh(t0 + 1900ms);
  CHECK(fsm.state() == breaker_state::half_open);
}

TEST_CASE("the transition log keeps the latest entries only", "[breaker][fsm]") {
  auto fsm = make();
  for (int i = 0; i < 20; ++i) {
    fsm.force_open(t0 + std::chrono::milliseconds(i));
    fsm.force_close(t0 + std::chrono::milliseconds(i));
  }
  REQUIRE(fsm.transitions().size() == breaker_fsm::max_transitions);
  CHECK(fsm.transitions().back().to == breaker_state::closed);
  CHECK(fsm.transitions().back().at == t0 + 19ms);
}

TEST_CASE("rejections are counted and never reach the outcome counters", "[breaker][fsm]") {
  auto fsm = make();
  trip(fsm, t0);
  auto rejected = fsm.admit(t0 + 10ms);
  CHECK(rejected.kind == verdict::reject);
  fsm.record(rejected, true, t0 + 10ms, "ignored");
  CHECK(fsm.total_rejections() == 1);
  CHECK(fsm.total_failures() == 2);
}
