// Times of day from speech (SPEC S6, S6.1).
#include "actors/call/speech.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace {

using askpro::actors::call::parse_spoken_time;

std::string hhmm(const askpro::Result<int>& minutes) {
  if (!minutes) return askpro::detail_of(minutes.error());
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d", *minutes / 60, *minutes % 60);
  return buf;
}

struct row {
  const char* said;
  const char* expected;
};

void check_table(std::initializer_list<row> table) {
  for (const auto& r : table) {
    INFO("said: " << r.said);
    CHECK(hhmm(parse_spoken_time(r.said)) == r.expected);
  }
}

}  // namespace

TEST_CASE("clock times with digits", "[speech]") {
  check_table({{"14:30", "14:30"},
               {"14.30", "14:30"},
               {"14 Uhr", "14:00"},
               {"14.30 Uhr", "14:30"},
               {"14 Uhr 30", "14:30"},
               {"um 9", "09:00"},
               {"9:05", "09:05"},
               {"12 Uhr", "12:00"},
               {"0:30", "00:30"}});
}

TEST_CASE("German spoken times", "[speech]") {
  check_table({{"halb drei", "14:30"},
               {"halb zehn", "09:30"},
               {"halb eins", "12:30"},
               {"viertel nach zehn", "10:15"},
               {"viertel vor elf", "10:45"},
               {"dreiviertel elf", "10:45"},
               {"zehn nach drei", "15:10"},
               {"fünf vor zwölf", "11:55"},
               {"drei Uhr nachmittags", "15:00"},
               {"zehn Uhr morgens", "10:00"},
               {"acht Uhr abends", "20:00"},
               {"mittags", "12:00"},
               {"um zwölf", "12:00"}});
}

TEST_CASE("English spoken times", "[speech]") {
  check_table({{"3 pm", "15:00"},
               {"3pm", "15:00"},
               {"3:30pm", "15:30"},
               {"10 am", "10:00"},
               {"12 am", "00:00"},
               {"half past three", "15:30"},
               {"quarter past ten", "10:15"},
               {"quarter to eleven", "10:45"},
               {"three thirty", "15:30"},
               {"at 11 o'clock", "11:00"},
               {"noon", "12:00"}});
}

TEST_CASE("hours one to seven without am or pm mean the afternoon", "[speech]") {
  check_table({{"3 Uhr", "15:00"}, {"7", "19:00"}, {"8", "08:00"}, {"3 Uhr morgens", "03:00"}});
}

TEST_CASE("nonsense times are unparseable", "[speech]") {
  for (const char* said :
       {"", "irgendwann", "25:00", "14:75", "halb", "viertel nach", "sometime", "14:3"}) {
    INFO("said: " << said);
    CHECK(hhmm(parse_spoken_time(said)) == "unparseable_time");
  }
}
