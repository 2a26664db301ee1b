#pragma once
/// Shared scenario for the availability engine tests: a Berlin branch open Mon–Fri
/// 09:00–12:00 and 13:00–18:00, Sat 10:00–14:00, closed on Sunday; staff anna and ben who both
/// cut hair; now = 2026-12-01T08:00:00Z (Tuesday, 09:00 in Berlin).

#include "actors/booking/availability.hpp"
#include "actors/booking/hours.hpp"

#include <string>
#include <vector>

namespace askpro::actors::booking::test {

/// A UTC instant.
time_point utc(int y, unsigned m, unsigned d, int hh, int mm = 0);

/// The instant of a Berlin wall-clock time (earlier instant when ambiguous).
time_point berlin(int y, unsigned m, unsigned d, int hh, int mm = 0);

/// A local calendar date.
date::local_days day(int y, unsigned m, unsigned d);

/// "HH:MM" in Berlin of each slot start.
std::vector<std::string> local_starts(const std::vector<slot>& slots);

/// "HH:MM staff" in Berlin of each slot.
std::vector<std::string> local_starts_with_staff(const std::vector<slot>& slots);

/// ISO 8601 in Berlin ("2026-12-01T10:00:00+01:00").
std::string iso_berlin(time_point t);

/// "HH:MM" from `first` to `last` (inclusive) every `step_min` minutes.
std::vector<std::string> every(const char* first, const char* last, int step_min = 15);

/// Concatenation of two lists.
std::vector<std::string> operator+(std::vector<std::string> a, const std::vector<std::string>& b);

/// Weekly hours with the same intervals Monday to Friday.
weekly_hours weekdays(day_hours hours);

struct scenario {
  branch_hours branch;
  std::vector<staff_member> staff;
  busy_index busy;
  booking_rules rules;
  time_point now;
  service cut;  ///< "cut", 30 min, no buffers

  scenario();

  availability_context ctx() const { return {branch, staff, busy, rules, now}; }

  /// Free slots of `svc` (default: cut) on [from, from + days).
  std::vector<slot> on(date::local_days from, int days = 1, std::optional<std::string> who = {},
                       const service* svc = nullptr) const;

  /// Adds an appointment of `who` at Berlin wall-clock times of date `d`.
  void book(const std::string& who, date::local_days d, int from_h, int from_m, int to_h, int to_m,
            minutes before = minutes{0}, minutes after = minutes{0});
};

}  // namespace askpro::actors::booking::test
