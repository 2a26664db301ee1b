// Wall-clock hours across the daylight-saving changes of Europe/Berlin.
#include "engine_fixture.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace askpro::actors::booking;
using namespace askpro::actors::booking::test;

namespace {

const auto spring = day(2027, 3, 28);   // 02:00 CET -> 03:00 CEST
const auto autumn = day(2026, 10, 25);  // 03:00 CEST -> 02:00 CET

scenario quarter_hours(time_point now) {
  scenario s;
  s.now = now;
  s.rules.min_notice = minutes{0};
  s.cut.duration = minutes{15};
  return s;
}

}  // namespace

TEST_CASE("spring forward: local 02:00-03:00 is never offered", "[engine][dst]") {
  auto s = quarter_hours(utc(2027, 3, 1, 8));
  s.branch.special[spring] = {{0, 6 * 60}};
  auto found = s.on(spring, 1, "anna");
  REQUIRE(found.size() == 20);  // 00:00 CET .. 06:00 CEST is five real hours
  for (std::size_t k = 0; k < found.size(); ++k)
    CHECK(found[k].start_utc == utc(2027, 3, 27, 23) + minutes{15} * static_cast<int>(k));
  CHECK(iso_berlin(found[7].start_utc) == "2027-03-28T01:45:00+01:00");
  CHECK(iso_berlin(found[8].start_utc) == "2027-03-28T03:00:00+02:00");
  for (const auto& hhmm : local_starts(found)) CHECK(hhmm.substr(0, 2) != "02");
  CHECK(berlin(2027, 3, 28, 2, 30) == utc(2027, 3, 28, 1));  // nonexistent -> the jump
  const auto& zone = *find_zone("Europe/Berlin");
  CHECK_FALSE(local_time_exists(zone, spring, minutes{150}));
  CHECK(local_time_exists(zone, spring, minutes{180}));
  CHECK(local_time_exists(zone, autumn, minutes{150}));  // ambiguous, but exists
}

TEST_CASE("spring forward: intervals inside or across the gap", "[engine][dst]") {
  auto s = quarter_hours(utc(2027, 3, 1, 8));
  s.branch.special[spring] = {{2 * 60, 3 * 60}};
  CHECK(s.on(spring, 1, "anna").empty());
  s.branch.special[spring] = {{2 * 60 + 30, 4 * 60}};
  CHECK(local_starts(s.on(spring, 1, "anna")) == every("03:00", "03:45"));
}

TEST_CASE("spring forward: daytime hours move to the new offset", "[engine][dst]") {
  auto s = quarter_hours(utc(2027, 3, 1, 8));
  s.branch.special[spring] = {{9 * 60, 18 * 60}};
  s.branch.special[spring - date::days{1}] = {{9 * 60, 18 * 60}};
  CHECK(s.on(spring - date::days{1}, 1, "anna").front().start_utc == utc(2027, 3, 27, 8));
  auto found = s.on(spring, 1, "anna");
  CHECK(found.front().start_utc == utc(2027, 3, 28, 7));
  CHECK(found.back().start_utc == utc(2027, 3, 28, 15, 45));
  CHECK(found.size() == 36);
}

TEST_CASE("fall back: the repeated hour is offered once per real instant", "[engine][dst]") {
  auto s = quarter_hours(utc(2026, 10, 1, 8));
  s.branch.special[autumn] = {{0, 6 * 60}};
  auto found = s.on(autumn, 1, "anna");
  REQUIRE(found.size() == 28);  // 00:00 CEST .. 06:00 CET is seven real hours
  std::set<time_point> unique;
  for (std::size_t k = 0; k < found.size(); ++k) {
    CHECK(found[k].start_utc == utc(2026, 10, 24, 22) + minutes{15} * static_cast<int>(k));
    CHECK(found[k].end_utc - found[k].start_utc == minutes{15});
    unique.insert(found[k].start_utc);
  }
  CHECK(unique.size() == found.size());
  CHECK(iso_berlin(found[8].start_utc) == "2026-10-25T02:00:00+02:00");
  CHECK(iso_berlin(found[12].start_utc) == "2026-10-25T02:00:00+01:00");
  CHECK(iso_berlin(found.back().start_utc) == "2026-10-25T05:45:00+01:00");
}

TEST_CASE("fall back: an appointment across the change lasts its real minutes", "[engine][dst]") {
  auto s = quarter_hours(utc(2026, 10, 1, 8));
  s.branch.special[autumn] = {{0, 6 * 60}};
  service hour = s.cut;
  hour.duration = minutes{60};
  auto found = s.on(autumn, 1, "anna", &hour);
  REQUIRE(found.size() == 25);
  CHECK(iso_berlin(found[10].start_utc) == "2026-10-25T02:30:00+02:00");
  CHECK(iso_berlin(found[10].end_utc) == "2026-10-25T02:30:00+01:00");
}

TEST_CASE("fall back: an interval within the repeated hour covers both passes", "[engine][dst]") {
  auto s = quarter_hours(utc(2026, 10, 1, 8));
  s.branch.special[autumn] = {{2 * 60, 3 * 60}};
  auto found = s.on(autumn, 1, "anna");
  REQUIRE(found.size() == 8);
  CHECK(found.front().start_utc == utc(2026, 10, 25, 0));
  CHECK(found.back().start_utc == utc(2026, 10, 25, 1, 45));
}

TEST_CASE("fall back: daytime hours move to the new offset", "[engine][dst]") {
  auto s = quarter_hours(utc(2026, 10, 1, 8));
  s.branch.special[autumn] = {{9 * 60, 18 * 60}};
  s.branch.special[autumn - date::days{1}] = {{9 * 60, 18 * 60}};
  CHECK(s.on(autumn - date::days{1}, 1, "anna").front().start_utc == utc(2026, 10, 24, 7));
  CHECK(s.on(autumn, 1, "anna").front().start_utc == utc(2026, 10, 25, 8));
}
