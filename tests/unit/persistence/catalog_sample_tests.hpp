#pragma once
/// A small tenant catalog for the catalog and token suites, and checks over stored catalogs.

#include "persistence/connection.hpp"
#include "persistence/repo/catalog_records.hpp"
#include "tests/unit/persistence/backend.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace askpro::test {

/// Tenant `slug` with branches "mitte" (phones `phone` and `phone2`) and "nord", services
/// "cut" and "color", staff "anna" (mitte), "ben" (mitte, own hours) and "cara" (nord).
inline persistence::tenant_catalog sample_catalog(const std::string& slug,
                                                  const std::string& phone = "+49301110001",
                                                  const std::string& phone2 = "+49301110002") {
  using namespace persistence;
  tenant_catalog c;
  c.company.slug = slug;
  c.company.name = "Salon " + slug;
  c.company.time_zone = "Europe/Berlin";
  c.company.locale = "de";
  c.company.country = "DE";
  c.company.retell_api_key = "key_test";
  c.company.price_per_minute_cents = 29;
  c.company.low_balance_cents = 1000;
  branch_record mitte;
  mitte.slug = "mitte";
  mitte.name = "Mitte";
  mitte.time_zone = "Europe/Berlin";
  mitte.hours = {{1, 540, 780}, {1, 840, 1080}, {4, 540, 1080}};
  mitte.closed = {"2026-12-24", "2026-12-25"};
  mitte.special = {{"2026-12-23", {}}, {"2026-12-31", {{540, 780}}}};
  mitte.phone_numbers = {phone, phone2};
  branch_record nord;
  nord.slug = "nord";
  nord.name = "Nord";
  nord.time_zone = "Europe/Berlin";
  nord.calendar_provider = "calcom";
  nord.calendar_config = R"({"api_key":"cal_secret"})";
  nord.hours = {{0, 600, 1140}};
  c.branches = {mitte, nord};
  service_record cut;
  cut.slug = "cut";
  cut.name = "Haarschnitt";
  cut.synonyms = {"Schneiden", "Herrenschnitt"};
  cut.buffer_after_min = 5;
  cut.price_cents = 2800;
  service_record color;
  color.slug = "color";
  color.name = "Färben";
  color.duration_min = 90;
  color.calcom_event_type_id = 4711;
  c.services = {cut, color};
  staff_record anna;
  anna.slug = "anna";
  anna.name = "Anna";
  anna.branch_slug = "mitte";
  anna.service_slugs = {"cut", "color"};
  staff_record ben;
  ben.slug = "ben";
  ben.name = "Ben";
  ben.branch_slug = "mitte";
  ben.own_hours = true;
  ben.hours = {{1, 540, 780}};
  ben.service_slugs = {"cut"};
  ben.calcom_user = "ben-cal";
  staff_record cara;
  cara.slug = "cara";
  cara.name = "Cara";
  cara.branch_slug = "nord";
  cara.service_slugs = {"color"};
  c.staff = {anna, ben, cara};
  return c;
}

template <class T>
std::vector<T> sorted_copy(std::vector<T> v) {
  std::sort(v.begin(), v.end());
  return v;
}

inline std::vector<std::tuple<int, int, int>> week_of(
    const std::vector<persistence::weekly_interval>& w) {
  std::vector<std::tuple<int, int, int>> out;
  for (const auto& iv : w) out.emplace_back(iv.weekday, iv.start_min, iv.end_min);
  return sorted_copy(out);
}

/// CHECKs that the stored catalog `got` holds exactly what `want` lists (all active).
inline void check_matches(const persistence::tenant_catalog& want,
                          const persistence::tenant_catalog& got) {
  CHECK(got.company.slug == want.company.slug);
  CHECK(got.company.name == want.company.name);
  CHECK(got.company.retell_api_key == want.company.retell_api_key);
  CHECK(got.company.price_per_minute_cents == want.company.price_per_minute_cents);
  CHECK(got.company.notifications == want.company.notifications);
  REQUIRE(got.branches.size() == want.branches.size());
  for (std::size_t i = 0; i < want.branches.size(); ++i) {
    const auto &w = want.branches[i], &g = got.branches[i];
    CHECK(g.slug == w.slug);
    CHECK(g.name == w.name);
    CHECK(g.active);
    CHECK(g.calendar_provider == w.calendar_provider);
    CHECK(g.calendar_config == w.calendar_config);
    CHECK(g.notify == w.notify);
    CHECK(week_of(g.hours) == week_of(w.hours));
    CHECK(g.closed == sorted_copy(w.closed));
    CHECK(sorted_copy(g.phone_numbers) == sorted_copy(w.phone_numbers));
    REQUIRE(g.special.size() == w.special.size());
    for (std::size_t d = 0; d < w.special.size(); ++d) {
      CHECK(g.special[d].day == w.special[d].day);
      CHECK(g.special[d].intervals == w.special[d].intervals);
    }
  }
  REQUIRE(got.services.size() == want.services.size());
  for (std::size_t i = 0; i < want.services.size(); ++i) {
    const auto &w = want.services[i], &g = got.services[i];
    CHECK(g.slug == w.slug);
    CHECK(g.name == w.name);
    CHECK(g.synonyms == w.synonyms);
    CHECK(g.duration_min == w.duration_min);
    CHECK(g.buffer_after_min == w.buffer_after_min);
    CHECK(g.price_cents == w.price_cents);
    CHECK(g.calcom_event_type_id == w.calcom_event_type_id);
    CHECK(g.active);
  }
  REQUIRE(got.staff.size() == want.staff.size());
  for (std::size_t i = 0; i < want.staff.size(); ++i) {
    const auto &w = want.staff[i], &g = got.staff[i];
    CHECK(g.slug == w.slug);
    CHECK(g.name == w.name);
    CHECK(g.branch_slug == w.branch_slug);
    CHECK(g.calcom_user == w.calcom_user);
    CHECK(g.own_hours == w.own_hours);
    CHECK(week_of(g.hours) == week_of(w.hours));
    CHECK(sorted_copy(g.service_slugs) == sorted_copy(w.service_slugs));
    CHECK(g.active);
  }
}

/// The number of rows in `table` (all tenants).
inline int64_t count_rows(persistence::connection& conn, const std::string& table) {
  auto rows = expect_ok(conn.query("SELECT COUNT(*) FROM " + table));
  return expect_ok(rows[0].get<int64_t>(0));
}

/// Row counts of every catalog table, in a fixed order.
inline std::vector<int64_t> catalog_counts(persistence::connection& conn) {
  std::vector<int64_t> out;
  for (const char* t :
       {"companies", "branches", "branch_hours", "branch_closed_dates", "branch_special_hours",
        "phone_numbers", "services", "service_synonyms", "staff", "staff_services", "staff_hours"})
    out.push_back(count_rows(conn, t));
  return out;
}

/// Inserts an appointment of `staff_id`/`service_id` at branch `branch_id` with plain SQL.
inline void insert_appointment(persistence::connection& conn, int64_t company_id, int64_t branch_id,
                               int64_t service_id, int64_t staff_id) {
  expect_ok(conn.execute(
      "INSERT INTO appointments (company_id, branch_id, service_id, staff_id, start_at, end_at, "
      "source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'test', ?, ?)",
      {company_id, branch_id, service_id, staff_id, 1'800'000'000'000, 1'800'001'800'000, 1, 1}));
}

}  // namespace askpro::test
