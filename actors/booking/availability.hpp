#pragma once
/// The internal calendar engine (SPEC S5): free slots, classification of a requested start,
/// nearest alternatives and the "any staff" choice. Pure functions over plain data; the caller
/// injects `now`, so results never depend on the wall clock.
/// Thread-safety: pure; concurrent calls over the same (unmodified) inputs are safe.
/// Ownership: `availability_context` and `service_request` only refer to the caller's data,
/// which must outlive the call.
///
/// Rules (documented choices):
/// - Working time of a staff member on a date = `staff_day` (hours.hpp): own hours never extend
///   beyond the branch's opening of that date; closed dates and special hours always apply.
/// - A slot [start, start + duration) starts at a working interval's start plus a multiple of the
///   slot step (steps are real elapsed minutes), and its buffered span
///   [start - buffer_before, end + buffer_after) lies inside that one working interval: buffers are
///   the staff member's working time, so they never reach before opening, after closing or into
///   a break.
/// - The buffered span must not overlap any live blocked span of that staff member (existing
///   appointments and unexpired reservations, each with their own buffers; see busy_index).
/// - start >= now + min_notice and start < now + horizon_days × 24 h.
/// - Daylight saving: see hours.hpp; slot lengths are real elapsed minutes.
/// - "Any staff": among the staff performing the service who are free at a start, the one with
///   the fewest blocked minutes (appointments, reservations and buffers) on that local date,
///   ties broken by the smaller slug. One slot per start instant is offered.
///
/// Errors: errc::invalid_argument when the branch's time zone is unknown or the slot step is not
/// positive; errc::not_found when a named staff member does not exist in the context or does
/// not perform the service.

#include "actors/booking/busy_index.hpp"
#include "actors/booking/model.hpp"
#include "runtime/error.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace askpro::actors::booking {

/// Everything the engine reads besides the request (all referenced, nothing copied).
struct availability_context {
  const branch_hours& branch;
  const std::vector<staff_member>& staff;  ///< the branch's staff (`branch` field not checked)
  const busy_index& busy;
  booking_rules rules;
  time_point now;
};

/// What is asked for: a service, performed by a named staff member or by anyone.
struct service_request {
  const service& svc;
  std::optional<std::string> staff;  ///< staff slug; nullopt = any staff performing `svc`
};

/// All free slots whose start lies on a local date in [from, to), ordered by start.
[[nodiscard]] Result<std::vector<slot>> slots(const availability_context& ctx,
                                              const service_request& req, date::local_days from,
                                              date::local_days to);

/// How a requested start compares with the rules, most fundamental reason first.
enum class check_status {
  free,            ///< bookable; `check_result::slot` names the staff member
  slot_taken,      ///< inside working hours and on the grid, but blocked
  outside_hours,   ///< branch open that date, but the appointment does not fit working hours
  in_past,         ///< start < now
  too_soon,        ///< start < now + min_notice
  beyond_horizon,  ///< start >= now + horizon
  closed_day,      ///< the branch is closed on that local date
  off_grid,        ///< fits working hours but does not start on the slot step grid
};

/// Stable snake_case name of a status ("free", "slot_taken", …). Suggested voice error codes:
/// slot_taken, outside_hours, in_past, too_soon as named; beyond_horizon, closed_day and
/// off_grid → outside_hours.
const char* to_string(check_status status);

struct check_result {
  check_status status = check_status::outside_hours;
  std::optional<slot> free_slot;  ///< set when status == free
};

/// Classifies `start` (an instant) for the request.
[[nodiscard]] Result<check_result> check(const availability_context& ctx,
                                         const service_request& req, time_point start);

/// Up to `n` free slots near `requested`: first those on the same local date, nearest in time
/// (before or after; ties → earlier), then the following dates' slots, earliest first, up to the
/// horizon. Never contains `requested` itself.
[[nodiscard]] Result<std::vector<slot>> alternatives(const availability_context& ctx,
                                                     const service_request& req,
                                                     time_point requested, std::size_t n = 3);

/// The earliest free slot starting at or after `after`, if any before the horizon.
[[nodiscard]] Result<std::optional<slot>> next_free(const availability_context& ctx,
                                                    const service_request& req, time_point after);

/// A candidate for the "any staff" choice.
struct staff_load {
  std::string_view slug;
  minutes booked{0};  ///< blocked minutes on the local date of the slot
};

/// The "any staff" rule: fewest booked minutes, ties by smaller slug. Empty input → "".
std::string_view choose_staff(const std::vector<staff_load>& candidates);

/// True when `a` is preferred over `b` by the rule of `choose_staff`.
bool preferred(const staff_load& a, const staff_load& b);

}  // namespace askpro::actors::booking
