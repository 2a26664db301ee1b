#include "engine_fixture.hpp"

#include "actors/booking/wall_clock_text.hpp"

#include <date/tz.h>
#include <catch2/catch.hpp>

namespace askpro::actors::booking::test {
namespace {

const date::time_zone& zone() {
  static const date::time_zone* z = find_zone("Europe/Berlin");
  return *z;
}

}  // namespace

time_point utc(int y, unsigned m, unsigned d, int hh, int mm) {
  return date::sys_days{date::year{y} / date::month{m} / date::day{d}} + std::chrono::hours{hh} +
         minutes{mm};
}

time_point berlin(int y, unsigned m, unsigned d, int hh, int mm) {
  return local_to_utc(zone(), day(y, m, d), std::chrono::hours{hh} + minutes{mm});
}

date::local_days day(int y, unsigned m, unsigned d) {
  return date::local_days{date::year{y} / date::month{m} / date::day{d}};
}

std::vector<std::string> local_starts(const std::vector<slot>& slots) {
  std::vector<std::string> out;
  for (const auto& s : slots)
    out.push_back(format_hhmm(static_cast<int>(local_time_of_day(zone(), s.start_utc).count())));
  return out;
}

std::vector<std::string> local_starts_with_staff(const std::vector<slot>& slots) {
  auto out = local_starts(slots);
  for (std::size_t i = 0; i < out.size(); ++i) out[i] += " " + slots[i].staff;
  return out;
}

std::string iso_berlin(time_point t) {
  return format_iso_local(zone(), t);
}

std::vector<std::string> every(const char* first, const char* last, int step_min) {
  std::vector<std::string> out;
  int end = *parse_hhmm(last);
  for (int t = *parse_hhmm(first); t <= end; t += step_min) out.push_back(format_hhmm(t));
  return out;
}

std::vector<std::string> operator+(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

weekly_hours weekdays(day_hours hours) {
  weekly_hours w;
  for (std::size_t d = 0; d < 5; ++d) w.days[d] = hours;
  return w;
}

scenario::scenario() {
  branch.time_zone = "Europe/Berlin";
  branch.week = weekdays({{9 * 60, 12 * 60}, {13 * 60, 18 * 60}});
  branch.week.days[5] = {{10 * 60, 14 * 60}};
  staff.push_back({"anna", "Anna", "mitte", {"cut"}, std::nullopt, std::nullopt});
  staff.push_back({"ben", "Ben", "mitte", {"cut", "beard"}, std::nullopt, std::nullopt});
  now = utc(2026, 12, 1, 8);
  cut.slug = "cut";
  cut.name = "Cut";
  cut.duration = minutes{30};
}

std::vector<slot> scenario::on(date::local_days from, int days, std::optional<std::string> who,
                               const service* svc) const {
  auto result = slots(ctx(), {svc ? *svc : cut, std::move(who)}, from, from + date::days{days});
  REQUIRE(result);
  return *result;
}

void scenario::book(const std::string& who, date::local_days d, int from_h, int from_m, int to_h,
                    int to_m, minutes before, minutes after) {
  auto start = local_to_utc(zone(), d, std::chrono::hours{from_h} + minutes{from_m});
  auto end = local_to_utc(zone(), d, std::chrono::hours{to_h} + minutes{to_m});
  busy.add(appointment_block{who, start, end, before, after});
}

}  // namespace askpro::actors::booking::test
