#include "actors/booking/hours.hpp"

#include <date/tz.h>

#include <algorithm>

namespace askpro::actors::booking {

const date::time_zone* find_zone(std::string_view name) noexcept {
  try {
    return date::locate_zone(std::string{name});
  } catch (...) {
    return nullptr;
  }
}

int weekday_index(date::local_days day) {
  return static_cast<int>(date::weekday{day}.iso_encoding()) - 1;
}

day_hours branch_day(const branch_hours& branch, date::local_days day) {
  if (branch.closed.count(day) != 0) return {};
  auto special = branch.special.find(day);
  if (special != branch.special.end()) return special->second;
  return branch.week.days[static_cast<std::size_t>(weekday_index(day))];
}

day_hours staff_day(const branch_hours& branch, const staff_member& who, date::local_days day) {
  auto open = branch_day(branch, day);
  if (!who.hours || open.empty()) return open;
  return intersect(open, who.hours->days[static_cast<std::size_t>(weekday_index(day))]);
}

day_hours intersect(const day_hours& a, const day_hours& b) {
  day_hours out;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() && j < b.size()) {
    int lo = std::max(a[i].start_min, b[j].start_min);
    int hi = std::min(a[i].end_min, b[j].end_min);
    if (lo < hi) out.push_back({lo, hi});
    if (a[i].end_min < b[j].end_min)
      ++i;
    else
      ++j;
  }
  return out;
}

time_point local_to_utc(const date::time_zone& zone, date::local_days day, minutes time_of_day) {
  return zone.to_sys(day + time_of_day, date::choose::earliest);
}

bool local_time_exists(const date::time_zone& zone, date::local_days day, minutes time_of_day) {
  return zone.get_info(day + time_of_day).result != date::local_info::nonexistent;
}

span to_utc(const date::time_zone& zone, date::local_days day, interval iv) {
  time_point start = zone.to_sys(day + minutes{iv.start_min}, date::choose::earliest);
  time_point end = zone.to_sys(day + minutes{iv.end_min}, date::choose::latest);
  return {start, std::max(start, end)};
}

date::local_days local_date_of(const date::time_zone& zone, time_point t) {
  return date::floor<date::days>(zone.to_local(t));
}

minutes local_time_of_day(const date::time_zone& zone, time_point t) {
  auto local = date::floor<minutes>(zone.to_local(t));
  return local - date::floor<date::days>(local);
}

}  // namespace askpro::actors::booking
