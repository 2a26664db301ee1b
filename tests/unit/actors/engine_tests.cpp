// Slots of one named staff member: hours with breaks, alignment, closures, special hours,
// buffers, notice, horizon and reservations.
#include "engine_fixture.hpp"

#include <catch2/catch.hpp>

using namespace askpro::actors::booking;
using namespace askpro::actors::booking::test;

namespace {
const auto wed = day(2026, 12, 2);
}

TEST_CASE("slots fill both intervals of a day and skip the lunch break", "[engine]") {
  scenario s;
  CHECK(local_starts(s.on(wed, 1, "anna")) == every("09:00", "11:30") + every("13:00", "17:30"));
  service hour = s.cut;
  hour.duration = minutes{60};
  CHECK(local_starts(s.on(wed, 1, "anna", &hour)) ==
        every("09:00", "11:00") + every("13:00", "17:00"));
}

TEST_CASE("slot ends are real minutes after their starts", "[engine]") {
  scenario s;
  for (const auto& sl : s.on(wed, 1, "anna")) {
    CHECK(sl.end_utc - sl.start_utc == minutes{30});
    CHECK(sl.staff == "anna");
  }
}

TEST_CASE("slots are aligned to the step from the start of each working interval", "[engine]") {
  scenario s;
  s.branch.special[wed] = {{9 * 60 + 10, 12 * 60}};
  s.rules.slot_step = minutes{20};
  CHECK(local_starts(s.on(wed, 1, "anna")) == every("09:10", "11:30", 20));
  s.book("anna", wed, 9, 40, 10, 0);
  CHECK(local_starts(s.on(wed, 1, "anna")) ==
        std::vector<std::string>{"09:10"} + every("10:10", "11:30", 20));
}

TEST_CASE("closed dates, Sundays and empty special hours offer nothing", "[engine]") {
  scenario s;
  s.branch.closed.insert(wed);
  s.branch.special[day(2026, 12, 4)] = {};
  s.branch.special[day(2026, 12, 7)] = {{10 * 60, 11 * 60}};
  s.branch.closed.insert(day(2026, 12, 7));  // a closed date wins over special hours
  CHECK(s.on(wed, 1, "anna").empty());
  CHECK(s.on(day(2026, 12, 4), 1, "anna").empty());
  CHECK(s.on(day(2026, 12, 6), 1, "anna").empty());
  CHECK(s.on(day(2026, 12, 7), 1, "anna").empty());
  CHECK(local_starts(s.on(day(2026, 12, 5), 1, "anna")) == every("10:00", "13:30"));
}

TEST_CASE("special hours replace the week's hours on their date", "[engine]") {
  scenario s;
  s.branch.special[day(2026, 12, 3)] = {{10 * 60, 11 * 60}};
  CHECK(local_starts(s.on(day(2026, 12, 3), 1, "anna")) == every("10:00", "10:30"));
  CHECK(local_starts(s.on(day(2026, 12, 4), 1, "anna")).size() == 30);  // the week again
}

TEST_CASE("the new slot's buffers stay inside the working interval", "[engine]") {
  scenario s;
  service colour = s.cut;
  colour.buffer_before = minutes{10};
  colour.buffer_after = minutes{5};
  CHECK(local_starts(s.on(wed, 1, "anna", &colour)) ==
        every("09:15", "11:15") + every("13:15", "17:15"));
}

TEST_CASE("an appointment blocks its own buffers", "[engine]") {
  scenario s;
  s.book("anna", wed, 10, 0, 10, 30, minutes{15}, minutes{15});  // blocks 09:45-10:45
  CHECK(local_starts(s.on(wed, 1, "anna")) ==
        every("09:00", "09:15") + every("10:45", "11:30") + every("13:00", "17:30"));
  CHECK(local_starts(s.on(wed, 1, "ben")).size() == 30);  // only anna is blocked
}

TEST_CASE("buffers of the new slot and of the appointment both apply", "[engine]") {
  scenario s;
  s.book("anna", wed, 10, 0, 10, 30, minutes{15}, minutes{15});  // blocks 09:45-10:45
  service colour = s.cut;
  colour.buffer_before = minutes{5};
  colour.buffer_after = minutes{10};  // new slot blocks [start-5, start+40)
  CHECK(local_starts(s.on(wed, 1, "anna", &colour)) ==
        every("11:00", "11:15") + every("13:15", "17:15"));
}

TEST_CASE("minimum notice counts from now", "[engine]") {
  scenario s;  // now is 09:00 in Berlin on Tuesday 2026-12-01
  const auto tue = day(2026, 12, 1);
  CHECK(local_starts(s.on(tue, 1, "anna")).front() == "10:00");
  s.rules.min_notice = minutes{0};
  CHECK(local_starts(s.on(tue, 1, "anna")).front() == "09:00");
  s.rules.min_notice = minutes{95};
  CHECK(local_starts(s.on(tue, 1, "anna")).front() == "10:45");
  CHECK(s.on(day(2026, 11, 30), 1, "anna").empty());  // yesterday
}

TEST_CASE("the horizon ends the search", "[engine]") {
  scenario s;
  s.now = utc(2026, 12, 1, 10);  // 11:00 in Berlin
  s.rules.horizon_days = 2;      // starts before 2026-12-03 11:00 Berlin
  auto found = s.on(day(2026, 12, 1), 7, "anna");
  REQUIRE_FALSE(found.empty());
  CHECK(iso_berlin(found.back().start_utc) == "2026-12-03T10:45:00+01:00");
  CHECK(local_starts(s.on(day(2026, 12, 3), 1, "anna")) == every("09:00", "10:45"));
}

TEST_CASE("live reservations block, expired ones do not", "[engine]") {
  scenario s;
  auto start = berlin(2026, 12, 2, 9);
  s.busy.add(reservation_block{"anna", start, start + minutes{60}, minutes{0}, minutes{15},
                               s.now + minutes{5}});
  s.busy.add(reservation_block{"anna", berlin(2026, 12, 2, 14), berlin(2026, 12, 2, 17), minutes{0},
                               minutes{0}, s.now});
  CHECK(local_starts(s.on(wed, 1, "anna")) == every("10:15", "11:30") + every("13:00", "17:30"));
  s.now += minutes{5};  // the first one has expired too
  CHECK(local_starts(s.on(wed, 1, "anna")).size() == 30);
}

TEST_CASE("slots over several days come in time order", "[engine]") {
  scenario s;
  auto found = s.on(day(2026, 12, 1), 7, "anna");
  for (std::size_t i = 1; i < found.size(); ++i) CHECK(found[i - 1].start_utc < found[i].start_utc);
  // Tue (from 10:00) 26 + Wed-Fri 3 x 30 + Sat 15 + Sun 0 + Mon 30
  CHECK(found.size() == 26 + 90 + 15 + 30);
}

TEST_CASE("an unknown time zone or step is refused", "[engine]") {
  scenario s;
  s.branch.time_zone = "Mars/Olympus";
  auto bad_zone = slots(s.ctx(), {s.cut, std::nullopt}, wed, wed + date::days{1});
  REQUIRE_FALSE(bad_zone);
  CHECK(askpro::code_of(bad_zone.error()) == askpro::errc::invalid_argument);
  s.branch.time_zone = "Europe/Berlin";
  s.rules.slot_step = minutes{0};
  auto bad_step = slots(s.ctx(), {s.cut, std::nullopt}, wed, wed + date::days{1});
  REQUIRE_FALSE(bad_step);
  CHECK(askpro::code_of(bad_step.error()) == askpro::errc::invalid_argument);
}
