// Staff hours, named staff and the "any staff" choice rule.
#include "engine_fixture.hpp"

#include <catch2/catch.hpp>

using namespace askpro::actors::booking;
using namespace askpro::actors::booking::test;

namespace {

const auto wed = day(2026, 12, 2);

std::vector<std::string> staff_of(const std::vector<slot>& slots) {
  std::vector<std::string> out;
  for (const auto& s : slots) out.push_back(s.staff);
  return out;
}

}  // namespace

TEST_CASE("own staff hours replace the branch's week", "[engine][staff]") {
  scenario s;
  s.staff[1].hours = weekdays({{9 * 60, 12 * 60}});
  CHECK(local_starts(s.on(wed, 1, "ben")) == every("09:00", "11:30"));
  CHECK(local_starts(s.on(wed, 1, "anna")).size() == 30);
}

TEST_CASE("own staff hours never extend beyond the branch's opening", "[engine][staff]") {
  scenario s;
  s.staff[1].hours = weekdays({{7 * 60, 20 * 60}});
  CHECK(local_starts(s.on(wed, 1, "ben")) == every("09:00", "11:30") + every("13:00", "17:30"));
  // Ben's own week has no Saturday, the branch's has.
  CHECK(s.on(day(2026, 12, 5), 1, "ben").empty());
  CHECK_FALSE(s.on(day(2026, 12, 5), 1, "anna").empty());
  s.branch.closed.insert(wed);
  CHECK(s.on(wed, 1, "ben").empty());
  s.branch.special[day(2026, 12, 3)] = {{15 * 60, 16 * 60}};
  CHECK(local_starts(s.on(day(2026, 12, 3), 1, "ben")) == every("15:00", "15:30"));
}

TEST_CASE("a named staff member must exist and perform the service", "[engine][staff]") {
  scenario s;
  auto unknown = slots(s.ctx(), {s.cut, std::string{"zoe"}}, wed, wed + date::days{1});
  REQUIRE_FALSE(unknown);
  CHECK(askpro::code_of(unknown.error()) == askpro::errc::not_found);
  service beard = s.cut;
  beard.slug = "beard";
  auto wrong = slots(s.ctx(), {beard, std::string{"anna"}}, wed, wed + date::days{1});
  REQUIRE_FALSE(wrong);
  CHECK(askpro::code_of(wrong.error()) == askpro::errc::not_found);
  CHECK(staff_of(s.on(wed, 1, std::nullopt, &beard)) == std::vector<std::string>(30, "ben"));
}

TEST_CASE("any staff offers one slot per start, ties going to the smaller slug",
          "[engine][staff]") {
  scenario s;
  auto found = s.on(wed);
  CHECK(local_starts(found) == every("09:00", "11:30") + every("13:00", "17:30"));
  CHECK(staff_of(found) == std::vector<std::string>(30, "anna"));
}

TEST_CASE("any staff prefers whoever has fewer booked minutes that day", "[engine][staff]") {
  scenario s;
  s.book("anna", wed, 16, 0, 17, 0);              // 60 minutes
  s.book("ben", wed, 9, 0, 11, 0);                // 120 minutes
  s.book("anna", day(2026, 12, 3), 9, 0, 12, 0);  // another day does not count
  auto found = s.on(wed);
  CHECK(local_starts(found) == every("09:00", "11:30") + every("13:00", "17:30"));
  for (const auto& line : local_starts_with_staff(found)) {
    INFO(line);
    bool anna_busy = line >= "15:45" && line < "17:00";  // would overlap 16:00-17:00
    CHECK(line.substr(6) == (anna_busy ? "ben" : "anna"));
  }
  s.book("anna", wed, 13, 0, 15, 0);  // anna now has 180 minutes, ben 120
  auto again = local_starts_with_staff(s.on(wed));
  CHECK(again[0] == "09:00 anna");  // ben is busy
  CHECK(again[10] == "11:30 ben");  // both free: ben has fewer booked minutes
}

TEST_CASE("choose_staff takes the fewest booked minutes, then the smaller slug",
          "[engine][staff]") {
  CHECK(choose_staff({{"ben", minutes{30}}, {"anna", minutes{30}}}) == "anna");
  CHECK(choose_staff({{"anna", minutes{60}}, {"ben", minutes{30}}}) == "ben");
  CHECK(choose_staff({{"carl", minutes{0}}, {"anna", minutes{15}}, {"ben", minutes{0}}}) == "ben");
  CHECK(choose_staff({}).empty());
}
