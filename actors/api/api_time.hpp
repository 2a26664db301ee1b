#pragma once
/// Times as the tenant API reads them: ISO 8601 instants with an offset, and a wall-clock date
/// and time in a branch's zone. Thread-safety: pure functions; nothing throws.

#include "actors/booking/model.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace askpro::actors::api {

/// `YYYY-MM-DDTHH:MM[:SS[.fff]]` followed by `Z` or `±HH:MM` (`±HHMM`): the instant. A missing
/// offset, a bad field or an impossible date is nullopt.
std::optional<booking::time_point> parse_iso_instant(std::string_view text);

/// The instant of local `date` (`YYYY-MM-DD`) at `time` (`HH:MM`) in `zone` (IANA). In a
/// daylight-saving gap the instant of the transition; in an overlap the earlier one.
/// nullopt for a bad date, time or zone.
std::optional<booking::time_point> local_instant(const std::string& zone, std::string_view date,
                                                 std::string_view time);

/// The instant of local midnight starting `date` in `zone`; nullopt for a bad date or zone.
std::optional<booking::time_point> local_midnight(const std::string& zone, std::string_view date);

/// ISO 8601 of `t` with `zone`'s offset (`2026-12-01T14:30:00+01:00`); UTC (`…Z` form as
/// `+00:00`) when the zone is unknown.
std::string iso_in_zone(const std::string& zone, booking::time_point t);

}  // namespace askpro::actors::api
