#include "actors/booking/wall_clock_text.hpp"
#include "actors/tenant/tenant_file_internal.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

namespace askpro::actors::tenant::detail {
namespace {

constexpr std::array<std::string_view, 7> weekday_keys = {"mon", "tue", "wed", "thu",
                                                          "fri", "sat", "sun"};

std::optional<booking::interval> parse_interval(json_reader& r, const json& v,
                                                const std::string& path) {
  if (!v.is_array() || v.size() != 2 || !v[0].is_string() || !v[1].is_string()) {
    r.fail(path, "expected [\"HH:MM\", \"HH:MM\"]");
    return std::nullopt;
  }
  const auto& from = v[0].get_ref<const std::string&>();
  const auto& to = v[1].get_ref<const std::string&>();
  auto start = booking::parse_hhmm(from);
  auto end = booking::parse_hhmm(to, true);
  if (!start) r.fail(path, "bad start time \"" + from + "\" (want HH:MM, 00:00-23:59)");
  if (!end) r.fail(path, "bad end time \"" + to + "\" (want HH:MM, 00:00-24:00)");
  if (!start || !end) return std::nullopt;
  if (*start >= *end) {
    r.fail(path, "start " + from + " is not before end " + to);
    return std::nullopt;
  }
  return booking::interval{*start, *end};
}

/// An interval with its index in the file.
struct numbered {
  booking::interval iv;
  std::size_t index;
};

booking::day_hours sort_and_merge(json_reader& r, std::vector<numbered> list,
                                  const std::string& path) {
  std::stable_sort(list.begin(), list.end(), [](const numbered& a, const numbered& b) {
    return a.iv.start_min < b.iv.start_min;
  });
  booking::day_hours out;
  std::size_t last_index = 0;
  for (const auto& n : list) {
    if (!out.empty() && n.iv.start_min < out.back().end_min) {
      auto later = std::max(n.index, last_index);
      auto other = std::min(n.index, last_index);
      r.fail(index_path(path, later), "overlaps " + index_path(path, other));
      continue;
    }
    if (!out.empty() && n.iv.start_min == out.back().end_min)
      out.back().end_min = n.iv.end_min;
    else
      out.push_back(n.iv);
    last_index = n.index;
  }
  return out;
}

}  // namespace

booking::day_hours parse_day(json_reader& r, const json& v, const std::string& path) {
  if (!v.is_array()) {
    r.fail(path, "expected an array of [\"HH:MM\", \"HH:MM\"] pairs");
    return {};
  }
  std::vector<numbered> list;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (auto iv = parse_interval(r, v[i], index_path(path, i))) list.push_back({*iv, i});
  }
  return sort_and_merge(r, std::move(list), path);
}

booking::weekly_hours parse_week(json_reader& r, const json& v, const std::string& path) {
  booking::weekly_hours week;
  if (!r.object(v, path, {"mon", "tue", "wed", "thu", "fri", "sat", "sun"})) return week;
  for (std::size_t d = 0; d < weekday_keys.size(); ++d) {
    const json* day = r.member(v, path, weekday_keys[d], false);
    if (day != nullptr) week.days[d] = parse_day(r, *day, child_path(path, weekday_keys[d]));
  }
  return week;
}

std::set<date::local_days> parse_dates(json_reader& r, const json& v, const std::string& path) {
  std::set<date::local_days> out;
  if (!v.is_array()) {
    r.fail(path, "expected an array of \"YYYY-MM-DD\" dates");
    return out;
  }
  for (std::size_t i = 0; i < v.size(); ++i) {
    auto day = v[i].is_string() ? booking::parse_iso_date(v[i].get_ref<const std::string&>())
                                : std::nullopt;
    if (day)
      out.insert(*day);
    else
      r.fail(index_path(path, i), "not a valid date (want YYYY-MM-DD)");
  }
  return out;
}

std::map<date::local_days, booking::day_hours> parse_special(json_reader& r, const json& v,
                                                             const std::string& path) {
  std::map<date::local_days, booking::day_hours> out;
  if (!v.is_object()) {
    r.fail(path, "expected an object of \"YYYY-MM-DD\": [[start, end], …]");
    return out;
  }
  for (const auto& item : v.items()) {
    const auto at = child_path(path, item.key());
    auto day = booking::parse_iso_date(item.key());
    if (!day) {
      r.fail(at, "not a valid date (want YYYY-MM-DD)");
      continue;
    }
    out[*day] = parse_day(r, item.value(), at);
  }
  return out;
}

}  // namespace askpro::actors::tenant::detail
