#include "actors/api/api_time.hpp"

#include "actors/booking/wall_clock_text.hpp"

#include <date/tz.h>

#include <cctype>
#include <exception>

namespace askpro::actors::api {
namespace {

const date::time_zone* zone_of(const std::string& name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return nullptr;
  }
}

/// Reads `n` digits at `pos` (advancing it); -1 when they are not all digits.
int digits(std::string_view s, std::size_t& pos, std::size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
    v = v * 10 + (c - '0');
  }
  pos += n;
  return v;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

/// The offset at `pos` in minutes east of UTC (`Z`, `±HH:MM`, `±HHMM`) ending the text.
std::optional<int> read_offset(std::string_view s, std::size_t pos) {
  if (pos + 1 == s.size() && (s[pos] == 'Z' || s[pos] == 'z')) return 0;
  if (pos >= s.size() || (s[pos] != '+' && s[pos] != '-')) return std::nullopt;
  int sign = s[pos++] == '-' ? -1 : 1;
  int hh = digits(s, pos, 2);
  if (pos < s.size() && s[pos] == ':') ++pos;
  int mm = digits(s, pos, 2);
  if (hh < 0 || mm < 0 || hh > 23 || mm > 59 || pos != s.size()) return std::nullopt;
  return sign * (hh * 60 + mm);
}

/// Seconds and an optional fraction after `HH:MM`; false when malformed.
bool read_seconds(std::string_view s, std::size_t& pos, int& ss) {
  ss = 0;
  if (pos >= s.size() || s[pos] != ':') return true;
  ++pos;
  ss = digits(s, pos, 2);
  if (ss < 0 || ss > 59) return false;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    std::size_t start = pos;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
    if (pos == start) return false;
  }
  return true;
}

}  // namespace

std::optional<booking::time_point> parse_iso_instant(std::string_view s) {
  if (s.size() < 16) return std::nullopt;
  auto day = booking::parse_iso_date(s.substr(0, 10));
  if (!day || (s[10] != 'T' && s[10] != 't')) return std::nullopt;
  std::size_t pos = 11;
  int hh = digits(s, pos, 2);
  if (hh < 0 || hh > 23 || !expect(s, pos, ':')) return std::nullopt;
  int mm = digits(s, pos, 2);
  int ss = 0;
  if (mm < 0 || mm > 59 || !read_seconds(s, pos, ss)) return std::nullopt;
  auto offset = read_offset(s, pos);
  if (!offset) return std::nullopt;
  auto local = date::sys_days{day->time_since_epoch()} + std::chrono::hours{hh} +
               std::chrono::minutes{mm} + std::chrono::seconds{ss};
  return booking::time_point{local - std::chrono::minutes{*offset}};
}

std::optional<booking::time_point> local_instant(const std::string& zone, std::string_view day,
                                                 std::string_view time) {
  const auto* tz = zone_of(zone);
  auto d = booking::parse_iso_date(day);
  auto minutes = booking::parse_hhmm(time);
  if (!tz || !d || !minutes) return std::nullopt;
  auto local = *d + std::chrono::minutes{*minutes};
  return booking::time_point{tz->to_sys(local, date::choose::earliest)};
}

std::optional<booking::time_point> local_midnight(const std::string& zone, std::string_view day) {
  return local_instant(zone, day, "00:00");
}

std::string iso_in_zone(const std::string& zone, booking::time_point t) {
  const auto* tz = zone_of(zone);
  if (!tz) tz = date::locate_zone("UTC");
  return booking::format_iso_local(*tz, t);
}

}  // namespace askpro::actors::api
