#pragma once
/// Opening hours as a voice agent says them (get_opening_hours), in the tenant's locale ("de";
/// anything else is English): a week grouped by equal days ("Montag bis Freitag 9 bis 18 Uhr,
/// Samstag 10 bis 14 Uhr, Sonntag geschlossen") and the dates of the next days whose hours
/// differ from the week (closed days, special hours). No JSON, no ISO forms.
/// Thread-safety: pure functions.

#include "actors/booking/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace askpro::actors::call {

/// One day's intervals: "9 bis 12 und 13 bis 18 Uhr" / "9 am to 12 pm and 1 pm to 6 pm";
/// empty → "geschlossen" / "closed".
std::string spoken_day_hours(std::string_view locale, const booking::day_hours& hours);

/// The week, consecutive weekdays with equal hours grouped: "Montag bis Freitag 9 bis 18 Uhr,
/// Samstag geschlossen und Sonntag geschlossen" collapses to "…, Samstag bis Sonntag
/// geschlossen".
std::string spoken_week(std::string_view locale, const booking::weekly_hours& week);

/// A date whose hours differ from its weekday's (closed, or special hours).
struct hours_exception {
  date::local_days day;
  booking::day_hours hours;  ///< empty: closed
};

/// The exceptions among the `count` days from `from` (in date order).
std::vector<hours_exception> hours_exceptions(const booking::branch_hours& branch,
                                              date::local_days from, int count);

/// "9:00-12:00, 13:00-18:00" (data form; "" when closed).
std::string hours_text(const booking::day_hours& hours);

}  // namespace askpro::actors::call
