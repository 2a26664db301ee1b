// Date phrases (SPEC S6.1) against a fixed reference date: Wednesday, 25 November 2026.
#include "actors/call/speech.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace {

using namespace askpro;
using namespace date::literals;
using actors::call::parse_spoken_date;
using actors::call::parse_spoken_when;

constexpr date::year_month_day wednesday = 2026_y / date::November / 25;

std::string iso(const Result<date::year_month_day>& d) {
  if (!d) return "error:" + describe(d.error());
  return date::format("%F", date::sys_days{*d});
}

std::string code(const Result<date::year_month_day>& d) {
  return d ? "ok" : detail_of(d.error());
}

struct row {
  const char* said;
  const char* expected;
};

void check_table(std::initializer_list<row> table, date::year_month_day today = wednesday) {
  for (const auto& r : table) {
    INFO("said: " << r.said);
    CHECK(iso(parse_spoken_date(r.said, today)) == r.expected);
  }
}

}  // namespace

TEST_CASE("relative days in German and English", "[speech]") {
  check_table({{"heute", "2026-11-25"},
               {"morgen", "2026-11-26"},
               {"übermorgen", "2026-11-27"},
               {"Uebermorgen bitte", "2026-11-27"},
               {"today", "2026-11-25"},
               {"Tomorrow", "2026-11-26"},
               {"the day after tomorrow", "2026-11-27"}});
}

TEST_CASE("weekday names mean the next such day after today", "[speech]") {
  check_table({{"Montag", "2026-11-30"},
               {"am Freitag", "2026-11-27"},
               {"Mittwoch", "2026-12-02"},  // today is Wednesday: the caller means next week's
               {"nächsten Dienstag", "2026-12-01"},
               {"kommenden Donnerstag", "2026-11-26"},
               {"nächste Woche Mittwoch", "2026-12-02"},
               {"naechste Woche Montag", "2026-11-30"},
               {"next week Friday", "2026-12-04"},
               {"Sonntag", "2026-11-29"},
               {"on Friday", "2026-11-27"},
               {"next Monday", "2026-11-30"},
               {"this Saturday", "2026-11-28"}});
}

TEST_CASE("next week counts from a Sunday reference too", "[speech]") {
  check_table({{"nächste Woche Montag", "2026-11-30"}, {"Montag", "2026-11-30"}},
              2026_y / date::November / 29);
}

TEST_CASE("numeric dates in ISO and German forms", "[speech]") {
  check_table({{"2026-12-01", "2026-12-01"},
               {"01.12.2026", "2026-12-01"},
               {"1.12.26", "2026-12-01"},
               {"am 19.11.", "2027-11-19"},  // passed this year: next year
               {"5.12", "2026-12-05"},
               {"1.1", "2027-01-01"},
               {"25.11.", "2026-11-25"}});  // today itself is allowed
}

TEST_CASE("dates with month names in both languages", "[speech]") {
  check_table({{"7. November", "2027-11-07"},
               {"13 Dezember", "2026-12-13"},
               {"am 1. Dez 2026", "2026-12-01"},
               {"1. März", "2027-03-01"},
               {"1. Maerz", "2027-03-01"},
               {"November 30", "2026-11-30"},
               {"December 1st", "2026-12-01"},
               {"19th of November", "2027-11-19"},
               {"the 3rd of March", "2027-03-03"},
               {"December 24th 2026", "2026-12-24"}});
}

TEST_CASE("year roll-over at the end of December", "[speech]") {
  check_table({{"2. Januar", "2027-01-02"},
               {"morgen", "2027-01-01"},
               {"Freitag", "2027-01-01"},
               {"30.12.", "2027-12-30"}},
              2026_y / date::December / 31);
}

TEST_CASE("explicit dates in the past are refused, not moved", "[speech]") {
  CHECK(code(parse_spoken_date("01.11.2026", wednesday)) == "in_past");
  CHECK(code(parse_spoken_date("2025-12-01", wednesday)) == "in_past");
  CHECK(code(parse_spoken_date("24. November 2026", wednesday)) == "in_past");
}

TEST_CASE("nonsense and impossible dates are unparseable", "[speech]") {
  for (const char* said : {"", "irgendwann", "bald mal", "32.12.", "31.11.", "30. Februar",
                           "Dezember", "next week", "12/01/2026", "2026-13-01", "blue"}) {
    INFO("said: " << said);
    CHECK(code(parse_spoken_date(said, wednesday)) == "unparseable_date");
  }
}

TEST_CASE("a phrase with date and time splits into both", "[speech]") {
  auto when = parse_spoken_when("morgen um 14:30 Uhr", wednesday);
  REQUIRE(when);
  CHECK(iso(when->date) == "2026-11-26");
  CHECK(when->minute_of_day == 14 * 60 + 30);

  when = parse_spoken_when("next Monday at 3 pm", wednesday);
  REQUIRE(when);
  CHECK(iso(when->date) == "2026-11-30");
  CHECK(when->minute_of_day == 15 * 60);

  when = parse_spoken_when("am 7. Dezember halb drei", wednesday);
  REQUIRE(when);
  CHECK(iso(when->date) == "2026-12-07");
  CHECK(when->minute_of_day == 14 * 60 + 30);

  when = parse_spoken_when("Freitag 10 am", wednesday);
  REQUIRE(when);
  CHECK(iso(when->date) == "2026-11-27");
  CHECK(when->minute_of_day == 10 * 60);

  when = parse_spoken_when("übermorgen", wednesday);
  REQUIRE(when);
  CHECK_FALSE(when->minute_of_day.has_value());

  when = parse_spoken_when("um 16 Uhr", wednesday);
  REQUIRE(when);
  CHECK(iso(when->date) == "2026-11-25");
  CHECK(when->minute_of_day == 16 * 60);
}

TEST_CASE("a phrase with a bad part names which part failed", "[speech]") {
  auto when = parse_spoken_when("morgen um 25:00", wednesday);
  REQUIRE_FALSE(when);
  CHECK(detail_of(when.error()) == "unparseable_time");
  when = parse_spoken_when("irgendwann um 14 Uhr", wednesday);
  REQUIRE_FALSE(when);
  CHECK(detail_of(when.error()) == "unparseable_date");
}
