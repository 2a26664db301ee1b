#include "actors/call/speech.hpp"
#include "actors/call/speech_internal.hpp"
#include "actors/call/speech_words.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>

namespace askpro::actors::call {
namespace detail {

caf::error unparseable_date() {
  return make_error(errc::invalid_argument, "unparseable_date");
}
caf::error unparseable_time() {
  return make_error(errc::invalid_argument, "unparseable_time");
}
caf::error in_past() {
  return make_error(errc::invalid_argument, "in_past");
}

namespace {

using date::year_month_day;

bool has(const token_list& t, std::string_view word) {
  return std::find(t.begin(), t.end(), word) != t.end();
}

/// ISO weekday index (0 = Monday) of a date.
int iso_weekday(year_month_day d) {
  return static_cast<int>((date::weekday{date::sys_days{d}}.c_encoding() + 6) % 7);
}

year_month_day plus_days(year_month_day d, int n) {
  return year_month_day{date::sys_days{d} + date::days{n}};
}

/// Day and month with an optional year, resolved against today (see speech.hpp).
Result<year_month_day> resolve(int day, int month, std::optional<int> year, year_month_day today) {
  if (year && *year < 100) *year += 2000;
  int y = year ? *year : static_cast<int>(today.year());
  year_month_day d{date::year{y}, date::month{static_cast<unsigned>(month)},
                   date::day{static_cast<unsigned>(day)}};
  if (!year && d.ok() && d < today) d = year_month_day{date::year{y + 1}, d.month(), d.day()};
  if (month < 1 || month > 12 || day < 1 || !d.ok()) return unparseable_date();
  if (d < today) return in_past();
  return d;
}

std::optional<int> relative_days(const token_list& t) {
  if (has(t, "heute") || has(t, "today")) return 0;
  if (has(t, "uebermorgen") || (has(t, "after") && has(t, "tomorrow"))) return 2;
  if (has(t, "morgen") || has(t, "tomorrow")) return 1;
  return std::nullopt;
}

bool next_week(const token_list& t) {
  bool week = has(t, "woche") || has(t, "week");
  bool next = has(t, "naechste") || has(t, "naechsten") || has(t, "kommende") ||
              has(t, "kommenden") || has(t, "next");
  return week && next;
}

std::optional<year_month_day> weekday_date(const token_list& t, year_month_day today) {
  for (const auto& word : t) {
    auto target = words::weekday(word);
    if (!target) continue;
    int current = iso_weekday(today);
    if (next_week(t)) return plus_days(today, 7 - current + *target);
    int ahead = (*target - current + 7) % 7;
    return plus_days(today, ahead == 0 ? 7 : ahead);
  }
  return std::nullopt;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    parts.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  if (!parts.empty() && parts.back().empty()) parts.pop_back();
  return parts;
}

std::optional<int> digits(std::string_view s) {
  if (s.empty() || s.size() > 4) return std::nullopt;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  return words::number(s);
}

/// 2026-12-01, 01.12.2026, 1.12.26, 19.11., 5.11 — nullopt when `word` is none of these.
std::optional<Result<year_month_day>> numeric_date(std::string_view word, year_month_day today) {
  bool iso = word.find('-') != std::string_view::npos;
  auto parts = split(word, iso ? '-' : '.');
  if (parts.size() < 2 || parts.size() > 3) return std::nullopt;
  std::vector<int> n;
  for (auto p : parts) {
    auto v = digits(p);
    if (!v) return std::nullopt;
    n.push_back(*v);
  }
  if (iso) {
    if (n.size() != 3 || parts[0].size() != 4) return std::nullopt;
    return resolve(n[2], n[1], n[0], today);
  }
  std::optional<int> year;
  if (n.size() == 3) year = n[2];
  return resolve(n[0], n[1], year, today);
}

std::optional<int> year_after(const token_list& t, std::size_t i) {
  if (i < t.size() && t[i].size() == 4) return digits(t[i]);
  return std::nullopt;
}

/// "7. november [2026]", "november 19[th] [2026]", "19th november".
std::optional<Result<year_month_day>> named_month_date(const token_list& t, year_month_day today) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    auto m = words::month(t[i]);
    if (!m) continue;
    if (i > 0)
      if (auto d = words::ordinal(t[i - 1])) return resolve(*d, *m, year_after(t, i + 1), today);
    if (i + 1 < t.size())
      if (auto d = words::ordinal(t[i + 1])) return resolve(*d, *m, year_after(t, i + 2), today);
    return Result<year_month_day>{unparseable_date()};
  }
  return std::nullopt;
}

}  // namespace

Result<year_month_day> parse_date_tokens(const token_list& tokens, year_month_day today) {
  token_list t;
  for (const auto& w : tokens)
    if (!words::filler(w)) t.push_back(w);
  if (t.empty()) return unparseable_date();
  if (auto days = relative_days(t)) return plus_days(today, *days);
  if (auto d = weekday_date(t, today)) return *d;
  if (auto d = named_month_date(t, today)) return *d;
  for (const auto& w : t)
    if (auto d = numeric_date(w, today)) return *d;
  return unparseable_date();
}

}  // namespace detail

Result<date::year_month_day> parse_spoken_date(std::string_view text, date::year_month_day today) {
  return detail::parse_date_tokens(words::tokens(text), today);
}

}  // namespace askpro::actors::call
