// Tenant API lists: cursor pages stable under inserts, filters, fields= and ETag / 304.
#include "tests/integration/api_fixture.hpp"

#include <set>

using namespace askpro;
using namespace askpro::test;

namespace {

std::string at(int day, int hour, int minute = 0) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "2026-12-%02dT%02d:%02d:00+01:00", day, hour, minute);
  return buf;
}

}  // namespace

API_CASE("api appointment pages - inserts between pages are neither repeated nor skipped",
         "[lists][pagination]") {
  api_node node{db};
  auto a = node.token("salon-a");
  std::set<int64_t> booked;
  for (int h : {10, 11, 12, 13, 14})
    booked.insert(node.book(a, at(2, h), "cut", "anna")["id"].get<int64_t>());

  std::vector<int64_t> seen;
  std::string cursor;
  int pages = 0;
  bool inserted = false;
  while (true) {
    auto path =
        std::string{"/api/v2/appointments?limit=2"} + (cursor.empty() ? "" : "&cursor=" + cursor);
    auto page = node.get(a, path);
    INFO(page.body);
    REQUIRE(page.status == 200);
    auto doc = page.json();
    CHECK(doc["data"].size() <= 2);
    for (const auto& item : doc["data"]) seen.push_back(item["id"].get<int64_t>());
    ++pages;
    if (!inserted) {  // one before the position (not shown), one after it (shown later)
      node.book(a, at(2, 9, 15), "cut", "ben");
      booked.insert(node.book(a, at(3, 10), "cut", "ben")["id"].get<int64_t>());
      inserted = true;
    }
    if (doc["next_cursor"].is_null()) break;
    cursor = doc["next_cursor"].get<std::string>();
    REQUIRE(pages < 10);
  }
  CHECK(std::set<int64_t>(seen.begin(), seen.end()).size() == seen.size());  // no duplicates
  CHECK(std::set<int64_t>(seen.begin(), seen.end()) == booked);              // nothing skipped
  CHECK(pages == 3);
}

API_CASE("api appointment list - filters by time, status, branch, staff and customer",
         "[lists][filters]") {
  api_node node{db};
  auto a = node.token("salon-a");
  auto first = node.book(a, at(2, 10), "cut", "anna");
  auto second = node.book(a, at(3, 10), "cut", "cleo");
  node.post(a, "/api/v2/appointments/" + std::to_string(second["id"].get<int64_t>()) + "/cancel",
            std::string{"{}"});
  auto ids = [&](const std::string& query) {
    auto res = node.get(a, "/api/v2/appointments?" + query);
    INFO(res.body);
    REQUIRE(res.status == 200);
    std::vector<int64_t> out;
    auto doc = res.json();
    for (const auto& item : doc["data"]) out.push_back(item["id"].get<int64_t>());
    return out;
  };
  auto one = std::vector<int64_t>{first["id"].get<int64_t>()};
  auto two = std::vector<int64_t>{second["id"].get<int64_t>()};
  CHECK(ids("status=booked") == one);
  CHECK(ids("status=cancelled") == two);
  CHECK(ids("branch=nord") == two);
  CHECK(ids("staff=anna") == one);
  CHECK(ids("from=2026-12-03") == two);
  CHECK(ids("to=2026-12-03") == one);
  CHECK(ids("from=2026-12-02T10:00:00%2B01:00&to=2026-12-02T10:00:01%2B01:00") == one);
  CHECK(ids("customer=" + std::to_string(first["customer_id"].get<int64_t>())) == one);
  auto bad = node.get(a, "/api/v2/appointments?status=lost&branch=south&limit=500&from=x");
  auto doc = expect_problem(bad, 422, "invalid_argument");
  CHECK(error_fields(doc).size() >= 1);
  expect_problem(node.get(a, "/api/v2/appointments?cursor=%21%21"), 422, "invalid_argument");
}

API_CASE("api lists - fields= selects members and ETag answers 304 until the data changes",
         "[lists][etag]") {
  api_node node{db};
  auto a = node.token("salon-a");
  node.book(a, at(2, 10), "cut", "anna");
  auto slim = node.get(a, "/api/v2/appointments?fields=start,status").json()["data"][0];
  CHECK(slim.size() == 3);  // id is always kept
  CHECK(slim.contains("id"));
  CHECK(slim.contains("start"));
  CHECK(slim.contains("status"));

  auto first = node.get(a, "/api/v2/appointments");
  auto tag = first.header("ETag");
  REQUIRE_FALSE(tag.empty());
  auto same = node.get(a, "/api/v2/appointments", {{"If-None-Match", tag}});
  CHECK(same.status == 304);
  CHECK(same.body.empty());
  auto branch = node.get(a, "/api/v2/branches/mitte");
  CHECK(node.get(a, "/api/v2/branches/mitte", {{"If-None-Match", branch.header("ETag")}}).status ==
        304);
  node.book(a, at(2, 11), "cut", "anna");
  auto changed = node.get(a, "/api/v2/appointments", {{"If-None-Match", tag}});
  CHECK(changed.status == 200);
  CHECK(changed.header("ETag") != tag);
}

API_CASE("api appointments - a deactivated staff member is still named in lists and reads",
         "[lists][catalog]") {
  api_node node{db};
  auto a = node.token("salon-a");
  auto appt = node.book(a, at(2, 10), "cut", "ben");
  node.drop_staff_of_a("ben");
  auto staff = node.get(a, "/api/v2/staff").json()["data"];
  CHECK(staff.size() == 2);  // ben is no longer offered
  auto list = node.get(a, "/api/v2/appointments").json()["data"];
  REQUIRE(list.size() == 1);
  CHECK(list[0]["staff"] == "ben");
  CHECK(list[0]["start"] == at(2, 10));
  auto one = node.get(a, "/api/v2/appointments/" + std::to_string(appt["id"].get<int64_t>()));
  CHECK(one.json()["staff"] == "ben");
}
