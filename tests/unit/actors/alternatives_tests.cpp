// alternatives() and next_free(): nearest free slots around a requested start.
#include "engine_fixture.hpp"

#include <catch2/catch.hpp>

using namespace askpro::actors::booking;
using namespace askpro::actors::booking::test;

namespace {

const auto wed = day(2026, 12, 2);

std::vector<std::string> iso_starts(const std::vector<slot>& slots) {
  std::vector<std::string> out;
  for (const auto& s : slots) out.push_back(iso_berlin(s.start_utc));
  return out;
}

std::vector<slot> around(const scenario& s, time_point requested, std::size_t n = 3) {
  auto result = alternatives(s.ctx(), {s.cut, std::string{"anna"}}, requested, n);
  REQUIRE(result);
  return *result;
}

}  // namespace

TEST_CASE("alternatives: the same day first, nearest in time", "[engine][alternatives]") {
  scenario s;
  s.book("anna", wed, 9, 0, 10, 30);
  s.book("anna", wed, 11, 0, 12, 0);
  s.book("anna", wed, 13, 0, 17, 30);  // free on Wednesday: 10:30 and 17:30 only
  CHECK(iso_starts(around(s, berlin(2026, 12, 2, 10))) ==
        std::vector<std::string>{"2026-12-02T10:30:00+01:00", "2026-12-02T17:30:00+01:00",
                                 "2026-12-03T09:00:00+01:00"});
  CHECK(iso_starts(around(s, berlin(2026, 12, 2, 17), 4)) ==
        std::vector<std::string>{"2026-12-02T17:30:00+01:00", "2026-12-02T10:30:00+01:00",
                                 "2026-12-03T09:00:00+01:00", "2026-12-03T09:15:00+01:00"});
}

TEST_CASE("alternatives: equal distance goes to the earlier slot", "[engine][alternatives]") {
  scenario s;
  s.book("anna", wed, 10, 0, 10, 30);
  CHECK(iso_starts(around(s, berlin(2026, 12, 2, 10))) ==
        std::vector<std::string>{"2026-12-02T09:30:00+01:00", "2026-12-02T10:30:00+01:00",
                                 "2026-12-02T09:15:00+01:00"});
}

TEST_CASE("alternatives: a full day moves to the following open days", "[engine][alternatives]") {
  scenario s;
  s.branch.closed.insert(day(2026, 12, 3));
  s.book("anna", wed, 9, 0, 12, 0);
  s.book("anna", wed, 13, 0, 18, 0);
  CHECK(iso_starts(around(s, berlin(2026, 12, 2, 10))) ==
        std::vector<std::string>{"2026-12-04T09:00:00+01:00", "2026-12-04T09:15:00+01:00",
                                 "2026-12-04T09:30:00+01:00"});
}

TEST_CASE("alternatives: nothing beyond the horizon", "[engine][alternatives]") {
  scenario s;
  s.rules.horizon_days = 2;  // up to 2026-12-03 09:00 Berlin
  s.book("anna", wed, 9, 0, 12, 0);
  s.book("anna", wed, 13, 0, 17, 30);
  CHECK(iso_starts(around(s, berlin(2026, 12, 2, 10))) ==
        std::vector<std::string>{"2026-12-02T17:30:00+01:00"});
}

TEST_CASE("alternatives never repeat the requested start", "[engine][alternatives]") {
  scenario s;
  auto found = around(s, berlin(2026, 12, 2, 10));
  CHECK(iso_starts(found) == std::vector<std::string>{"2026-12-02T09:45:00+01:00",
                                                      "2026-12-02T10:15:00+01:00",
                                                      "2026-12-02T09:30:00+01:00"});
}

TEST_CASE("next_free finds the earliest slot at or after a time", "[engine][alternatives]") {
  scenario s;
  s.book("anna", wed, 13, 0, 18, 0);
  auto next = next_free(s.ctx(), {s.cut, std::string{"anna"}}, berlin(2026, 12, 2, 11, 40));
  REQUIRE(next);
  REQUIRE(*next);
  CHECK(iso_berlin((*next)->start_utc) == "2026-12-03T09:00:00+01:00");
  auto today = next_free(s.ctx(), {s.cut, std::nullopt}, s.now);
  REQUIRE(today);
  REQUIRE(*today);
  CHECK(iso_berlin((*today)->start_utc) == "2026-12-01T10:00:00+01:00");
  s.rules.horizon_days = 1;
  auto none = next_free(s.ctx(), {s.cut, std::nullopt}, berlin(2026, 12, 2, 12));
  REQUIRE(none);
  CHECK_FALSE(*none);
}
