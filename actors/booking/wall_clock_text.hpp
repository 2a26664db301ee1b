#pragma once
/// Text forms of dates and times used by the tenant file and the wire: `HH:MM`, `YYYY-MM-DD`
/// and ISO 8601 with the branch's offset. Thread-safety: pure functions; nothing throws.

#include "actors/booking/model.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace date {
class time_zone;
}

namespace askpro::actors::booking {

/// Minutes after midnight of an exact `HH:MM` (two digits each, 00:00–23:59); "24:00" (1440)
/// only when `allow_end_of_day`. Anything else (`25:00`, `9:7`, `9:00`) is nullopt.
std::optional<int> parse_hhmm(std::string_view text, bool allow_end_of_day = false);

/// `HH:MM` of minutes after midnight (1440 renders as "24:00").
std::string format_hhmm(int minutes_after_midnight);

/// A real calendar date in exact `YYYY-MM-DD` form of the years 1900 to 2200 (`2026-02-30` and
/// `2826-12-09` are nullopt: instants of later years would overflow).
std::optional<date::local_days> parse_iso_date(std::string_view text);

/// `YYYY-MM-DD` of a date.
std::string format_iso_date(date::local_days day);

/// ISO 8601 of `t` in `zone` with its offset, seconds precision: `2026-12-01T14:30:00+01:00`.
std::string format_iso_local(const date::time_zone& zone, time_point t);

}  // namespace askpro::actors::booking
