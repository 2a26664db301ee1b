// check(): classification of a requested start.
#include "engine_fixture.hpp"

#include <catch2/catch.hpp>

using namespace askpro::actors::booking;
using namespace askpro::actors::booking::test;

namespace {

check_status status_of(const scenario& s, time_point start,
                       std::optional<std::string> who = std::nullopt) {
  auto result = check(s.ctx(), {s.cut, std::move(who)}, start);
  REQUIRE(result);
  return result->status;
}

}  // namespace

TEST_CASE("check classifies requested starts", "[engine][check]") {
  scenario s;  // now: Tuesday 2026-12-01 09:00 Berlin
  s.book("anna", day(2026, 12, 2), 10, 0, 11, 0);
  s.book("ben", day(2026, 12, 2), 10, 0, 11, 0);
  s.branch.closed.insert(day(2026, 12, 3));
  struct row {
    time_point start;
    check_status expected;
  };
  const row table[] = {
      {berlin(2026, 12, 1, 8, 45), check_status::in_past},
      {berlin(2026, 12, 1, 9, 30), check_status::too_soon},
      {berlin(2026, 12, 1, 10, 0), check_status::free},
      {berlin(2026, 12, 2, 10, 0), check_status::slot_taken},
      {berlin(2026, 12, 2, 9, 45), check_status::slot_taken},  // would run into 10:00
      {berlin(2026, 12, 2, 11, 0), check_status::free},
      {berlin(2026, 12, 2, 8, 30), check_status::outside_hours},
      {berlin(2026, 12, 2, 12, 15), check_status::outside_hours},  // lunch break
      {berlin(2026, 12, 2, 11, 45), check_status::outside_hours},  // runs into the break
      {berlin(2026, 12, 2, 17, 45), check_status::outside_hours},  // runs past closing
      {berlin(2026, 12, 2, 9, 7), check_status::off_grid},
      {berlin(2026, 12, 3, 10, 0), check_status::closed_day},
      {berlin(2026, 12, 6, 10, 0), check_status::closed_day},  // Sunday
      {berlin(2027, 1, 29, 17, 30), check_status::free},       // horizon: 2027-01-30 09:00
      {berlin(2027, 1, 30, 9, 0), check_status::beyond_horizon},
      {berlin(2027, 1, 30, 10, 0), check_status::beyond_horizon},
      {berlin(2027, 3, 1, 10, 0), check_status::beyond_horizon},
  };
  for (const auto& r : table) {
    INFO(iso_berlin(r.start));
    CHECK(to_string(status_of(s, r.start)) == std::string{to_string(r.expected)});
  }
}

TEST_CASE("check names the staff member of a free start", "[engine][check]") {
  scenario s;
  const auto wed = day(2026, 12, 2);
  s.book("anna", wed, 14, 0, 15, 0);
  auto result = check(s.ctx(), {s.cut, std::nullopt}, berlin(2026, 12, 2, 10));
  REQUIRE(result);
  REQUIRE(result->status == check_status::free);
  REQUIRE(result->free_slot);
  CHECK(result->free_slot->staff == "ben");  // fewer booked minutes that day
  CHECK(result->free_slot->end_utc - result->free_slot->start_utc == minutes{30});
  CHECK(status_of(s, berlin(2026, 12, 2, 14), std::string{"anna"}) == check_status::slot_taken);
  CHECK(status_of(s, berlin(2026, 12, 2, 14)) == check_status::free);  // ben is free
}

TEST_CASE("check follows staff hours and buffers", "[engine][check]") {
  scenario s;
  s.staff[1].hours = weekdays({{13 * 60, 18 * 60}});
  CHECK(status_of(s, berlin(2026, 12, 2, 10), std::string{"ben"}) == check_status::outside_hours);
  s.cut.buffer_before = minutes{10};
  CHECK(status_of(s, berlin(2026, 12, 2, 13), std::string{"ben"}) ==
        check_status::outside_hours);  // the buffer would start before 13:00
  CHECK(status_of(s, berlin(2026, 12, 2, 13, 15), std::string{"ben"}) == check_status::free);
}

TEST_CASE("check agrees with slots", "[engine][check]") {
  scenario s;
  const auto wed = day(2026, 12, 2);
  s.book("anna", wed, 9, 30, 10, 15, minutes{5}, minutes{10});
  s.book("ben", wed, 9, 0, 12, 0);
  auto free = s.on(wed, 1, "anna");
  for (int minute = 8 * 60; minute < 19 * 60; minute += 15) {
    auto start = berlin(2026, 12, 2, minute / 60, minute % 60);
    bool offered = std::any_of(free.begin(), free.end(),
                               [&](const slot& sl) { return sl.start_utc == start; });
    INFO(iso_berlin(start));
    CHECK((status_of(s, start, std::string{"anna"}) == check_status::free) == offered);
  }
}

TEST_CASE("check refuses an unknown staff member", "[engine][check]") {
  scenario s;
  auto result = check(s.ctx(), {s.cut, std::string{"zoe"}}, berlin(2026, 12, 2, 10));
  REQUIRE_FALSE(result);
  CHECK(askpro::code_of(result.error()) == askpro::errc::not_found);
}
