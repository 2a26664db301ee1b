#pragma once
/// Plain data of the booking domain: opening hours, services, staff, booking rules and the
/// blocked time that availability is computed from. No behaviour beyond trivial helpers.
/// Thread-safety: plain values; copy freely, share read-only across threads.
///
/// Conventions:
/// - Wall-clock times of day are minutes after local midnight in the branch's time zone
///   (0..1440; 1440 is "24:00" and only valid as the end of an interval).
/// - Calendar dates are `date::local_days` in the branch's time zone.
/// - Instants are `time_point` (UTC, `std::chrono::system_clock`).

#include <date/date.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace askpro::actors::booking {

using time_point = std::chrono::system_clock::time_point;
using minutes = std::chrono::minutes;

/// A half-open wall-clock interval [start_min, end_min) within one local day.
struct interval {
  int start_min = 0;
  int end_min = 0;
  friend bool operator==(const interval& a, const interval& b) {
    return a.start_min == b.start_min && a.end_min == b.end_min;
  }
};

/// The working intervals of one day, sorted and non-overlapping. Empty means closed.
using day_hours = std::vector<interval>;

/// Hours per weekday; index 0 is Monday, 6 is Sunday (ISO order).
struct weekly_hours {
  std::array<day_hours, 7> days;
};

/// Opening hours of a branch: the week, dates it is closed and dates with special hours.
/// A special-hours entry replaces the week's hours on that date (empty = closed); a closed date
/// wins over a special-hours entry for the same date.
struct branch_hours {
  std::string time_zone;  ///< IANA name, e.g. "Europe/Berlin"
  weekly_hours week;
  std::set<date::local_days> closed;
  std::map<date::local_days, day_hours> special;
};

/// A bookable service.
struct service {
  std::string slug;
  std::string name;
  std::vector<std::string> synonyms;  ///< other ways callers name it
  minutes duration{30};
  minutes buffer_before{0};
  minutes buffer_after{0};
  int64_t price_cents = 0;
  std::optional<int64_t> calcom_event_type_id;
};

/// A member of staff. Without own `hours` the branch's hours apply. With own hours, those
/// replace the branch's week for this person but never extend beyond the branch's opening on a
/// given date (the engine intersects them with the branch's effective hours of that date, so
/// closed dates and special hours of the branch always apply).
struct staff_member {
  std::string slug;
  std::string name;
  std::string branch;                 ///< branch slug
  std::vector<std::string> services;  ///< service slugs this person performs
  std::optional<weekly_hours> hours;
  std::optional<std::string> calcom_user;

  bool performs(const std::string& service_slug) const {
    for (const auto& s : services)
      if (s == service_slug) return true;
    return false;
  }
};

/// Tenant-wide booking rules (the tenant file's `booking` block).
struct booking_rules {
  minutes slot_step{15};   ///< slots start every step from the start of a working interval
  minutes min_notice{60};  ///< earliest bookable start is now + min_notice
  int horizon_days = 60;   ///< starts must lie before now + horizon_days × 24 h
  std::chrono::seconds reservation_ttl{300};  ///< how long a reservation holds a slot
};

/// A booked appointment as the engine sees it: it blocks
/// [start - buffer_before, end + buffer_after) for its staff member.
struct appointment_block {
  std::string staff;
  time_point start;
  time_point end;
  minutes buffer_before{0};
  minutes buffer_after{0};
};

/// A live hold on a slot during a call; blocks like an appointment until `expires_at`
/// (a reservation whose `expires_at <= now` is ignored).
struct reservation_block {
  std::string staff;
  time_point start;
  time_point end;
  minutes buffer_before{0};
  minutes buffer_after{0};
  time_point expires_at;
};

/// A half-open span of instants [start, end).
struct span {
  time_point start;
  time_point end;
};

/// One bookable slot: the appointment itself (without buffers) and who performs it.
struct slot {
  time_point start_utc;
  time_point end_utc;
  std::string staff;
  friend bool operator==(const slot& a, const slot& b) {
    return a.start_utc == b.start_utc && a.end_utc == b.end_utc && a.staff == b.staff;
  }
};

}  // namespace askpro::actors::booking
