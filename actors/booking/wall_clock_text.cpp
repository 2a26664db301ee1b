#include "actors/booking/wall_clock_text.hpp"

#include <date/tz.h>

#include <cstdio>

namespace askpro::actors::booking {
namespace {

bool all_digits(std::string_view text) {
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

std::optional<int> parse_hhmm(std::string_view text, bool allow_end_of_day) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  auto hh = text.substr(0, 2);
  auto mm = text.substr(3, 2);
  if (!all_digits(hh) || !all_digits(mm)) return std::nullopt;
  int h = to_int(hh);
  int m = to_int(mm);
  if (allow_end_of_day && h == 24 && m == 0) return 1440;
  if (h > 23 || m > 59) return std::nullopt;
  return h * 60 + m;
}

std::string format_hhmm(int minutes_after_midnight) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", (minutes_after_midnight / 60) % 100,
                minutes_after_midnight % 60);
  return buf;
}

std::optional<date::local_days> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = text.substr(0, 4);
  auto m = text.substr(5, 2);
  auto d = text.substr(8, 2);
  if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
  date::year_month_day ymd{date::year{to_int(y)}, date::month{static_cast<unsigned>(to_int(m))},
                           date::day{static_cast<unsigned>(to_int(d))}};
  // Instants are nanoseconds of system_clock (about 1678 to 2262): years outside a range that
  // fits with room for offsets and durations are refused, not wrapped (found by fuzz_calcom).
  if (!ymd.ok() || ymd.year() < date::year{1900} || ymd.year() > date::year{2200})
    return std::nullopt;
  return date::local_days{ymd};
}

std::string format_iso_date(date::local_days day) {
  return date::format("%F", day);
}

std::string format_iso_local(const date::time_zone& zone, time_point t) {
  auto info = zone.get_info(date::floor<std::chrono::seconds>(t));
  auto local = date::floor<std::chrono::seconds>(t) + info.offset;
  auto offset = std::chrono::duration_cast<minutes>(info.offset).count();
  char sign = offset < 0 ? '-' : '+';
  if (offset < 0) offset = -offset;
  char tail[8];
  std::snprintf(tail, sizeof tail, "%c%02d:%02d", sign, static_cast<int>(offset / 60),
                static_cast<int>(offset % 60));
  return date::format("%FT%T", date::sys_seconds{local.time_since_epoch()}) + tail;
}

}  // namespace askpro::actors::booking
