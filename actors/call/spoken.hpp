#pragma once
/// Dates, times and lists as a voice agent says them, in the tenant's locale ("de" or "en";
/// anything else is treated as "en"): "am Dienstag, dem 1. Dezember, um 14:30 Uhr" /
/// "on Tuesday, December 1 at 2:30 pm". No JSON, no ISO forms: these strings go into the
/// `message` of a function response. Thread-safety: pure functions.

#include <date/date.h>

#include <string>
#include <string_view>
#include <vector>

namespace askpro::actors::call {

/// A local date and time of day (minutes after midnight) in the branch's zone.
struct local_when {
  date::year_month_day day;
  int minute_of_day = 0;
};

/// "Montag" … "Sonntag" (German) or "Monday" … "Sunday" (any other locale); 0 = Monday.
const char* weekday_name(std::string_view locale, unsigned monday_based);

/// "Januar" … "Dezember" (German) or "January" … "December"; 0 = January.
const char* month_name(std::string_view locale, unsigned zero_based);

/// "Dienstag, dem 1. Dezember" / "Tuesday, December 1".
std::string spoken_date(std::string_view locale, date::year_month_day day);

/// "14:30 Uhr" / "2:30 pm" ("14 Uhr" and "2 pm" on the full hour).
std::string spoken_time(std::string_view locale, int minute_of_day);

/// "am Dienstag, dem 1. Dezember, um 14:30 Uhr" / "on Tuesday, December 1 at 2:30 pm".
std::string spoken_when(std::string_view locale, const local_when& when);

/// A short list of times: on one day "am Dienstag, dem 1. Dezember, um 14:30, 15 oder 15:30 Uhr"
/// / "on Tuesday, December 1 at 2:30, 3 or 3:30 pm"; across days each with its date, joined by
/// "oder" / "or". Empty input → "".
std::string spoken_choices(std::string_view locale, const std::vector<local_when>& choices);

}  // namespace askpro::actors::call
