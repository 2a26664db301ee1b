// Wall-clock helpers: hours of a date, intersections, text forms, zones.
#include "actors/booking/wall_clock_text.hpp"
#include "engine_fixture.hpp"

#include <date/tz.h>
#include <catch2/catch.hpp>

using namespace askpro::actors::booking;
using namespace askpro::actors::booking::test;

TEST_CASE("intersect keeps only the common minutes", "[hours]") {
  day_hours a{{540, 720}, {780, 1080}};
  day_hours b{{600, 840}, {1000, 1440}};
  CHECK(intersect(a, b) == day_hours{{600, 720}, {780, 840}, {1000, 1080}});
  CHECK(intersect(a, {}).empty());
  CHECK(intersect(a, {{720, 780}}).empty());  // touching is not overlapping
}

TEST_CASE("branch_day: closed beats special, special beats the week", "[hours]") {
  branch_hours b;
  b.week = weekdays({{540, 1080}});
  auto wed = day(2026, 12, 2);
  CHECK(weekday_index(wed) == 2);
  CHECK(weekday_index(day(2026, 12, 6)) == 6);
  CHECK(branch_day(b, wed) == day_hours{{540, 1080}});
  b.special[wed] = {{600, 660}};
  CHECK(branch_day(b, wed) == day_hours{{600, 660}});
  b.closed.insert(wed);
  CHECK(branch_day(b, wed).empty());
  CHECK(branch_day(b, day(2026, 12, 6)).empty());
}

TEST_CASE("parse_hhmm accepts exact HH:MM only", "[hours]") {
  CHECK(parse_hhmm("09:00") == 540);
  CHECK(parse_hhmm("23:59") == 1439);
  CHECK(parse_hhmm("00:00") == 0);
  CHECK_FALSE(parse_hhmm("24:00"));
  CHECK(parse_hhmm("24:00", true) == 1440);
  CHECK_FALSE(parse_hhmm("24:01", true));
  for (const char* bad : {"25:00", "9:7", "9:00", "09:60", "0900", "09-00", "", "ab:cd", "09:00 "})
    CHECK_FALSE(parse_hhmm(bad));
  CHECK(format_hhmm(545) == "09:05");
  CHECK(format_hhmm(1440) == "24:00");
}

TEST_CASE("parse_iso_date accepts real dates only", "[hours]") {
  CHECK(parse_iso_date("2026-12-31") == day(2026, 12, 31));
  CHECK(parse_iso_date("2028-02-29") == day(2028, 2, 29));
  for (const char* bad : {"2026-02-30", "2027-02-29", "2026-13-01", "2026-1-01", "26-12-01",
                          "2026/12/01", "2026-12-00", "", "2826-12-09", "9999-01-01",
                          "0001-01-01"})  // far years would overflow instants (fuzz_calcom)
    CHECK_FALSE(parse_iso_date(bad));
  CHECK(parse_iso_date("2200-12-31") == day(2200, 12, 31));
  CHECK(format_iso_date(day(2027, 1, 1)) == "2027-01-01");
}

TEST_CASE("zones: unknown names are nullptr, offsets render in ISO form", "[hours]") {
  CHECK(find_zone("Mars/Olympus") == nullptr);
  CHECK(find_zone("") == nullptr);
  const auto* ny = find_zone("America/New_York");
  REQUIRE(ny != nullptr);
  CHECK(format_iso_local(*ny, utc(2026, 12, 1, 15, 30)) == "2026-12-01T10:30:00-05:00");
  const auto* kolkata = find_zone("Asia/Kolkata");
  REQUIRE(kolkata != nullptr);
  CHECK(format_iso_local(*kolkata, utc(2026, 12, 1, 0)) == "2026-12-01T05:30:00+05:30");
  CHECK(iso_berlin(utc(2026, 7, 1, 12)) == "2026-07-01T14:00:00+02:00");
  CHECK(local_date_of(*ny, utc(2026, 12, 2, 3)) == day(2026, 12, 1));
}
