#include "actors/call/spoken.hpp"

#include <array>

namespace askpro::actors::call {
namespace {

constexpr std::array<const char*, 7> weekdays_de{"Montag",  "Dienstag", "Mittwoch", "Donnerstag",
                                                 "Freitag", "Samstag",  "Sonntag"};
constexpr std::array<const char*, 7> weekdays_en{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                 "Friday", "Saturday", "Sunday"};
constexpr std::array<const char*, 12> months_de{"Januar",    "Februar", "März",     "April",
                                                "Mai",       "Juni",    "Juli",     "August",
                                                "September", "Oktober", "November", "Dezember"};
constexpr std::array<const char*, 12> months_en{"January",   "February", "March",    "April",
                                                "May",       "June",     "July",     "August",
                                                "September", "October",  "November", "December"};

bool german(std::string_view locale) {
  return locale.substr(0, 2) == "de";
}

std::size_t iso_weekday(date::year_month_day day) {
  return (date::weekday{date::sys_days{day}}.c_encoding() + 6) % 7;
}

std::string two_digits(int n) {
  return (n < 10 ? "0" : "") + std::to_string(n);
}

/// "14:30" / "14" (de) or "2:30" / "2" (en) without the unit.
std::string bare_time(bool de, int minute_of_day) {
  int h = minute_of_day / 60;
  int m = minute_of_day % 60;
  if (!de) h = h % 12 == 0 ? 12 : h % 12;
  return std::to_string(h) + (m == 0 ? "" : ":" + two_digits(m));
}

std::string meridiem(int minute_of_day) {
  return minute_of_day < 12 * 60 ? "am" : "pm";
}

/// "a, b oder c" / "a, b or c".
std::string join(bool de, const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? (de ? " oder " : " or ") : ", ";
    out += items[i];
  }
  return out;
}

bool same_day(const std::vector<local_when>& choices) {
  for (const auto& c : choices)
    if (c.day != choices.front().day) return false;
  return true;
}

/// Times on one day; English keeps am/pm on each time when they differ.
std::string times_of_day(bool de, const std::vector<local_when>& choices) {
  std::vector<std::string> times;
  bool mixed = false;
  for (const auto& c : choices) {
    mixed = mixed || meridiem(c.minute_of_day) != meridiem(choices.front().minute_of_day);
    times.push_back(bare_time(de, c.minute_of_day));
  }
  if (!de && mixed) {
    for (std::size_t i = 0; i < times.size(); ++i)
      times[i] += " " + meridiem(choices[i].minute_of_day);
    return join(de, times);
  }
  return join(de, times) + (de ? " Uhr" : " " + meridiem(choices.front().minute_of_day));
}

}  // namespace

const char* weekday_name(std::string_view locale, unsigned monday_based) {
  return german(locale) ? weekdays_de.at(monday_based) : weekdays_en.at(monday_based);
}

const char* month_name(std::string_view locale, unsigned zero_based) {
  return german(locale) ? months_de.at(zero_based) : months_en.at(zero_based);
}

std::string spoken_date(std::string_view locale, date::year_month_day day) {
  const unsigned d = static_cast<unsigned>(day.day());
  const unsigned m = static_cast<unsigned>(day.month()) - 1;
  if (german(locale))
    return std::string{weekdays_de[iso_weekday(day)]} + ", dem " + std::to_string(d) + ". " +
           months_de[m];
  return std::string{weekdays_en[iso_weekday(day)]} + ", " + months_en[m] + " " + std::to_string(d);
}

std::string spoken_time(std::string_view locale, int minute_of_day) {
  bool de = german(locale);
  return bare_time(de, minute_of_day) + (de ? " Uhr" : " " + meridiem(minute_of_day));
}

std::string spoken_when(std::string_view locale, const local_when& when) {
  if (german(locale))
    return "am " + spoken_date(locale, when.day) + ", um " +
           spoken_time(locale, when.minute_of_day);
  return "on " + spoken_date(locale, when.day) + " at " + spoken_time(locale, when.minute_of_day);
}

std::string spoken_choices(std::string_view locale, const std::vector<local_when>& choices) {
  if (choices.empty()) return "";
  bool de = german(locale);
  if (same_day(choices)) {
    std::string day = (de ? "am " : "on ") + spoken_date(locale, choices.front().day);
    return day + (de ? ", um " : " at ") + times_of_day(de, choices);
  }
  std::vector<std::string> items;
  for (const auto& c : choices) items.push_back(spoken_when(locale, c));
  return join(de, items);
}

}  // namespace askpro::actors::call
