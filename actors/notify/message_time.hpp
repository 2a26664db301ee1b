#pragma once
/// Dates and times as written in a notification, in the message's language and the branch's
/// time zone: German "Dienstag, 8. Dezember 2026" and "14:30" (texts add "Uhr"), English
/// "Tuesday, 8 December 2026" and "2:30 pm". Any language other than "de" is written in English.
///
/// Thread-safety: pure functions (the tz database initialises itself once, thread-safely).
/// Ownership: returns new strings. Errors: errc::invalid_argument for a zone the tz database
/// does not know. Nothing throws.

#include "runtime/error.hpp"

#include <date/date.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace askpro::actors::notify {

/// "Dienstag, 8. Dezember 2026" / "Tuesday, 8 December 2026".
std::string message_date(std::string_view language, date::year_month_day day);

/// "14:30" / "2:30 pm" ("12:00 pm" at noon, "12:05 am" just after midnight).
std::string message_time(std::string_view language, int minute_of_day);

/// The `{date}` and `{time}` of an instant.
struct message_when {
  std::string date, time;
};

/// The date and time of `instant_ms` (Unix ms) on the wall clock of `zone_name`.
[[nodiscard]] Result<message_when> local_message_when(std::string_view language, int64_t instant_ms,
                                                      std::string_view zone_name);

}  // namespace askpro::actors::notify
