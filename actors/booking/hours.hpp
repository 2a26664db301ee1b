#pragma once
/// Opening hours in wall-clock time and their conversion to UTC spans.
/// Thread-safety: pure functions; the time zone database (date/tz, system tzdb) is initialised
/// on first use in a thread-safe way. No function throws.
///
/// Daylight-saving policy (what `to_utc` does with wall-clock times that do not map to exactly
/// one instant), e.g. Europe/Berlin:
/// - Spring (2027-03-28, 02:00 → 03:00): a nonexistent local time maps to the instant the clock
///   jumps (01:00 UTC), so an interval [01:00, 04:00) lasts two real hours and no slot is ever
///   labelled 02:xx.
/// - Autumn (2026-10-25, 03:00 → 02:00): an ambiguous interval start takes the earlier
///   instant and an ambiguous end the later one, so an interval covers every minute whose wall
///   clock lies inside it; [01:00, 04:00) lasts four real hours. Slots are stepped in real elapsed
///   minutes, so no UTC instant is offered twice and none is skipped.

#include "actors/booking/model.hpp"

#include <string_view>

namespace date {
class time_zone;
}

namespace askpro::actors::booking {

/// The zone named `name`, or nullptr when the tz database does not know it.
const date::time_zone* find_zone(std::string_view name) noexcept;

/// ISO weekday index of a date: 0 = Monday … 6 = Sunday.
int weekday_index(date::local_days day);

/// The branch's hours on `day`: empty on a closed date, the special hours where given,
/// otherwise the week's hours for that weekday.
day_hours branch_day(const branch_hours& branch, date::local_days day);

/// When `who` works on `day`: their own week (or the branch's) intersected with
/// `branch_day(branch, day)`.
day_hours staff_day(const branch_hours& branch, const staff_member& who, date::local_days day);

/// Intersection of two sorted, non-overlapping interval lists.
day_hours intersect(const day_hours& a, const day_hours& b);

/// The instant of wall-clock `time_of_day` on `day` in `zone` (earlier instant when ambiguous,
/// the transition instant when nonexistent).
time_point local_to_utc(const date::time_zone& zone, date::local_days day, minutes time_of_day);

/// False when wall-clock `time_of_day` on `day` does not exist in `zone` (skipped by a
/// daylight-saving jump, e.g. 02:30 on 2027-03-28 in Europe/Berlin). Callers that turn a spoken
/// time into an instant should refuse such a time rather than let `local_to_utc` move it.
bool local_time_exists(const date::time_zone& zone, date::local_days day, minutes time_of_day);

/// A wall-clock interval of `day` as real instants, by the daylight-saving policy above.
span to_utc(const date::time_zone& zone, date::local_days day, interval iv);

/// The local calendar date of instant `t` in `zone`.
date::local_days local_date_of(const date::time_zone& zone, time_point t);

/// Minutes after local midnight of instant `t` in `zone`.
minutes local_time_of_day(const date::time_zone& zone, time_point t);

}  // namespace askpro::actors::booking
