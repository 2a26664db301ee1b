// Written dates and times of notifications on the branch's wall clock (message_time.hpp: pure
// functions; an unknown zone is errc::invalid_argument). Day and month names are the ones the
// voice replies use (actors/call/spoken.hpp).
#include "actors/notify/message_time.hpp"

#include "actors/booking/hours.hpp"
#include "actors/booking/wall_clock_text.hpp"
#include "actors/call/spoken.hpp"

#include <date/tz.h>

namespace askpro::actors::notify {
namespace {

bool german(std::string_view language) {
  return language == "de";
}

unsigned monday_based(date::year_month_day day) {
  return (date::weekday{date::sys_days{day}}.c_encoding() + 6) % 7;
}

}  // namespace

std::string message_date(std::string_view language, date::year_month_day day) {
  const std::string_view names = german(language) ? "de" : "en";
  const auto d = std::to_string(static_cast<unsigned>(day.day()));
  const std::string month = call::month_name(names, static_cast<unsigned>(day.month()) - 1);
  const std::string year = std::to_string(static_cast<int>(day.year()));
  const std::string weekday = call::weekday_name(names, monday_based(day));
  if (german(language)) return weekday + ", " + d + ". " + month + " " + year;
  return weekday + ", " + d + " " + month + " " + year;
}

std::string message_time(std::string_view language, int minute_of_day) {
  if (german(language)) return booking::format_hhmm(minute_of_day);
  const int hour = minute_of_day / 60;
  const int minute = minute_of_day % 60;
  const int twelve = hour % 12 == 0 ? 12 : hour % 12;
  return std::to_string(twelve) + (minute < 10 ? ":0" : ":") + std::to_string(minute) +
         (hour < 12 ? " am" : " pm");
}

Result<message_when> local_message_when(std::string_view language, int64_t instant_ms,
                                        std::string_view zone_name) {
  const date::time_zone* zone = booking::find_zone(zone_name);
  if (zone == nullptr) return make_error(errc::invalid_argument, "unknown time zone");
  const date::sys_time<std::chrono::milliseconds> instant{std::chrono::milliseconds{instant_ms}};
  const auto local = zone->to_local(instant);
  const auto day = date::floor<date::days>(local);
  const auto minute_of_day = date::floor<std::chrono::minutes>(local - day).count();
  return message_when{message_date(language, date::year_month_day{day}),
                      message_time(language, static_cast<int>(minute_of_day))};
}

}  // namespace askpro::actors::notify
