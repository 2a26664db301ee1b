#include "actors/call/spoken_hours.hpp"

#include "actors/booking/hours.hpp"
#include "actors/booking/wall_clock_text.hpp"
#include "actors/call/spoken.hpp"

#include <array>

namespace askpro::actors::call {
namespace {

bool german(std::string_view locale) {
  return locale.substr(0, 2) == "de";
}

/// "9 bis 18" (de, the unit added once at the end) / "9 am to 6 pm".
std::string span_text(bool de, const booking::interval& iv) {
  if (!de) return spoken_time("en", iv.start_min) + " to " + spoken_time("en", iv.end_min % 1440);
  auto bare = [](int minute) {
    auto t = spoken_time("de", minute);
    return t.substr(0, t.size() - 4);  // without " Uhr"
  };
  return bare(iv.start_min) + " bis " + bare(iv.end_min);
}

}  // namespace

std::string spoken_day_hours(std::string_view locale, const booking::day_hours& hours) {
  const bool de = german(locale);
  if (hours.empty()) return de ? "geschlossen" : "closed";
  std::string out;
  for (std::size_t i = 0; i < hours.size(); ++i) {
    if (i > 0) out += de ? " und " : " and ";
    out += span_text(de, hours[i]);
  }
  return de ? out + " Uhr" : out;
}

std::string spoken_week(std::string_view locale, const booking::weekly_hours& week) {
  const bool de = german(locale);
  std::string out;
  std::size_t first = 0;
  while (first < week.days.size()) {
    std::size_t last = first;
    while (last + 1 < week.days.size() && week.days[last + 1] == week.days[first]) ++last;
    if (!out.empty()) out += ", ";
    out += weekday_name(de ? "de" : "en", unsigned(first));
    if (last > first)
      out += std::string{de ? " bis " : " to "} + weekday_name(de ? "de" : "en", unsigned(last));
    out += " " + spoken_day_hours(locale, week.days[first]);
    first = last + 1;
  }
  return out;
}

std::vector<hours_exception> hours_exceptions(const booking::branch_hours& branch,
                                              date::local_days from, int count) {
  std::vector<hours_exception> out;
  for (int i = 0; i < count; ++i) {
    auto day = from + date::days{i};
    auto hours = booking::branch_day(branch, day);
    if (!(hours == branch.week.days[booking::weekday_index(day)]))
      out.push_back({day, std::move(hours)});
  }
  return out;
}

std::string hours_text(const booking::day_hours& hours) {
  std::string out;
  for (const auto& iv : hours) {
    if (!out.empty()) out += ", ";
    out += booking::format_hhmm(iv.start_min) + "-" + booking::format_hhmm(iv.end_min);
  }
  return out;
}

}  // namespace askpro::actors::call
