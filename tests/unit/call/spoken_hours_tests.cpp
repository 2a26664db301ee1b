// Opening hours as the voice agent says them (get_opening_hours), German and English.
#include "actors/call/spoken_hours.hpp"

#include <catch2/catch.hpp>

using namespace askpro::actors;
using namespace askpro::actors::call;
using namespace date::literals;

namespace {

booking::weekly_hours salon_week() {
  booking::weekly_hours w;
  for (int d = 0; d < 5; ++d) w.days[d] = {{9 * 60, 18 * 60}};
  w.days[5] = {{10 * 60, 14 * 60}};
  return w;  // Sunday closed
}

}  // namespace

TEST_CASE("one day's hours are spoken with the unit once", "[spoken_hours]") {
  booking::day_hours split{{9 * 60, 12 * 60}, {13 * 60 + 30, 18 * 60}};
  CHECK(spoken_day_hours("de", split) == "9 bis 12 und 13:30 bis 18 Uhr");
  CHECK(spoken_day_hours("en", split) == "9 am to 12 pm and 1:30 pm to 6 pm");
  CHECK(spoken_day_hours("de", {}) == "geschlossen");
  CHECK(spoken_day_hours("en", {}) == "closed");
  CHECK(spoken_day_hours("de", {{0, 1440}}) == "0 bis 24 Uhr");
  CHECK(hours_text(split) == "09:00-12:00, 13:30-18:00");
  CHECK(hours_text({}).empty());
}

TEST_CASE("a week groups consecutive days with equal hours", "[spoken_hours]") {
  CHECK(spoken_week("de", salon_week()) ==
        "Montag bis Freitag 9 bis 18 Uhr, Samstag 10 bis 14 Uhr, Sonntag geschlossen");
  CHECK(spoken_week("en", salon_week()) ==
        "Monday to Friday 9 am to 6 pm, Saturday 10 am to 2 pm, Sunday closed");
  auto w = salon_week();
  w.days[2] = {};  // Wednesday closed: the weekday run is split
  CHECK(spoken_week("de", w) ==
        "Montag bis Dienstag 9 bis 18 Uhr, Mittwoch geschlossen, "
        "Donnerstag bis Freitag 9 bis 18 Uhr, Samstag 10 bis 14 Uhr, "
        "Sonntag geschlossen");
  CHECK(spoken_week("en", booking::weekly_hours{}) == "Monday to Sunday closed");
}

TEST_CASE("closed and special days differing from the week are found in the window",
          "[spoken_hours]") {
  booking::branch_hours b;
  b.week = salon_week();
  const date::local_days dec1{2026_y / date::December / 1};  // a Tuesday
  b.closed.insert(dec1 + date::days{7});                     // Tuesday 8th
  b.special[dec1 + date::days{3}] = {{10 * 60, 14 * 60}};    // Friday 4th shorter
  b.special[dec1 + date::days{4}] = {{10 * 60, 14 * 60}};    // Saturday 5th: as the week
  b.special[dec1 + date::days{20}] = {};                     // outside the window
  auto found = hours_exceptions(b, dec1, 14);
  REQUIRE(found.size() == 2);
  CHECK(found[0].day == dec1 + date::days{3});
  CHECK(found[0].hours == booking::day_hours{{10 * 60, 14 * 60}});
  CHECK(found[1].day == dec1 + date::days{7});
  CHECK(found[1].hours.empty());
  CHECK(hours_exceptions(b, dec1, 0).empty());
}
