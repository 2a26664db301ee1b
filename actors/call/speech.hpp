#pragma once
/// Dates and times from speech (SPEC S6.1): what a caller said, as transcribed by the voice
/// agent, turned into a local calendar date and a wall-clock time in the branch's zone.
/// Pure functions: `today` (the branch's local date) is always passed in, never read.
/// Thread-safety: pure. Nothing throws.
///
/// Both languages are accepted in any call (callers and agents mix them). Text is compared after
/// lower-casing and folding umlauts (ä → ae, ß → ss).
///
/// Dates:
/// - relative: heute, morgen, übermorgen, today, tomorrow, day after tomorrow;
/// - a weekday (Montag, am Freitag, nächsten Dienstag, kommenden Montag, Monday, on Friday, next
///   Monday, this Friday): the nearest such day AFTER today — a caller who means today says
///   "heute"; "nächste Woche Mittwoch" / "next week Wednesday": that weekday of the next
///   Monday-to-Sunday week;
/// - numeric: 2026-12-01, 01.12.2026, 1.12.26, 19.11., 5.11, 1.1, 12/01/2026 is NOT accepted
///   (day/month order is ambiguous in English);
/// - with a month name: 7. November, 13 Dezember, 1. Dez 2026, November 19, December 1st,
///   19th of November, the 3rd of March.
/// A date without a year that already passed this year means next year; an explicit date before
/// today is refused ("in_past"). Today itself is allowed.
///
/// Times (minutes after local midnight): 14:30, 14.30, 14 Uhr, 14.30 Uhr, 14 Uhr 30, um 9,
/// halb drei, viertel nach zehn, viertel vor elf, dreiviertel elf, zehn nach drei, fünf vor
/// halb vier is NOT accepted; 3 pm, 3:30pm, 10 am, half past three, quarter past ten, quarter to
/// eleven, noon, Mittag. Rule without am/pm or a day-part word: hours 1–7 mean the afternoon
/// (13–19 h) — nobody books a salon at three in the night — and 8–12 stay as said; "morgens",
/// "vormittags" keep the morning, "nachmittags", "abends" move 1–11 into the afternoon.
///
/// Errors: errc::invalid_argument whose detail is the contract's error code:
/// "unparseable_date", "unparseable_time" or "in_past".

#include "runtime/error.hpp"

#include <date/date.h>

#include <optional>
#include <string_view>

namespace askpro::actors::call {

/// The calendar date the caller means.
[[nodiscard]] Result<date::year_month_day> parse_spoken_date(std::string_view text,
                                                             date::year_month_day today);

/// The time of day the caller means, in minutes after midnight (0..1439).
[[nodiscard]] Result<int> parse_spoken_time(std::string_view text);

/// A phrase with a date and perhaps a time ("morgen um 14 Uhr", "next Monday at 3 pm").
struct spoken_when {
  date::year_month_day date;
  std::optional<int> minute_of_day;
};

/// Splits `text` into its date part and time part (at "um", "at", "gegen" or the first token that
/// is a clock time) and parses both. A text that is only a time is today's date at that time.
[[nodiscard]] Result<spoken_when> parse_spoken_when(std::string_view text,
                                                    date::year_month_day today);

}  // namespace askpro::actors::call
