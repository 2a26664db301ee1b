// Spoken dates, times and choices in German and English.
#include "actors/call/spoken.hpp"

#include <catch2/catch.hpp>

using namespace askpro::actors::call;
using namespace date::literals;

namespace {
constexpr date::year_month_day dec1 = 2026_y / date::December / 1;  // a Tuesday
constexpr date::year_month_day dec2 = 2026_y / date::December / 2;
}  // namespace

TEST_CASE("a date and time as a German agent says it", "[spoken]") {
  CHECK(spoken_when("de", {dec1, 14 * 60 + 30}) == "am Dienstag, dem 1. Dezember, um 14:30 Uhr");
  CHECK(spoken_when("de", {dec2, 9 * 60}) == "am Mittwoch, dem 2. Dezember, um 9 Uhr");
  CHECK(spoken_time("de", 8 * 60 + 5) == "8:05 Uhr");
  CHECK(spoken_date("de", 2027_y / date::March / 1) == "Montag, dem 1. März");
}

TEST_CASE("a date and time as an English agent says it", "[spoken]") {
  CHECK(spoken_when("en", {dec1, 14 * 60 + 30}) == "on Tuesday, December 1 at 2:30 pm");
  CHECK(spoken_time("en", 12 * 60) == "12 pm");
  CHECK(spoken_time("en", 0) == "12 am");
  CHECK(spoken_time("en", 9 * 60 + 45) == "9:45 am");
  CHECK(spoken_time("fr", 9 * 60) == "9 am");  // unknown locales fall back to English
}

TEST_CASE("choices on one day are listed briefly", "[spoken]") {
  std::vector<local_when> same{{dec1, 14 * 60 + 30}, {dec1, 15 * 60}, {dec1, 15 * 60 + 30}};
  CHECK(spoken_choices("de", same) == "am Dienstag, dem 1. Dezember, um 14:30, 15 oder 15:30 Uhr");
  CHECK(spoken_choices("en", same) == "on Tuesday, December 1 at 2:30, 3 or 3:30 pm");
  std::vector<local_when> mixed{{dec1, 11 * 60 + 30}, {dec1, 13 * 60}};
  CHECK(spoken_choices("en", mixed) == "on Tuesday, December 1 at 11:30 am or 1 pm");
}

TEST_CASE("choices across days name each day", "[spoken]") {
  std::vector<local_when> days{{dec1, 17 * 60}, {dec2, 9 * 60}};
  CHECK(spoken_choices("de", days) ==
        "am Dienstag, dem 1. Dezember, um 17 Uhr oder am Mittwoch, dem 2. Dezember, um 9 Uhr");
  CHECK(spoken_choices("en", {}) == "");
  CHECK(spoken_choices("en", {{dec2, 9 * 60}}) == "on Wednesday, December 2 at 9 am");
}
