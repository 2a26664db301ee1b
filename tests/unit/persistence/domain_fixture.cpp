#include "tests/unit/persistence/domain_fixture.hpp"

#include "tests/unit/persistence/backend.hpp"

#include <catch2/catch.hpp>

namespace askpro::test {

using persistence::connection;

namespace {

int64_t insert(connection& conn, const std::string& sql,
               const std::vector<persistence::value>& binds) {
  expect_ok(conn.execute(sql, binds));
  return expect_ok(conn.last_insert_id());
}

int64_t insert_staff(connection& conn, int64_t company, int64_t branch, const std::string& slug) {
  return insert(conn,
                "INSERT INTO staff (company_id, branch_id, slug, name, active) "
                "VALUES (?, ?, ?, ?, 1)",
                {company, branch, slug, "Staff " + slug});
}

}  // namespace

domain_ids insert_domain(connection& conn, const std::string& slug) {
  domain_ids ids;
  ids.company = insert(conn,
                       "INSERT INTO companies (slug, name, time_zone, locale, country, "
                       "slot_step_min, min_notice_min, horizon_days, reservation_ttl_s, "
                       "created_at, updated_at) "
                       "VALUES (?, ?, 'Europe/Berlin', 'de', 'DE', 15, 60, 30, 300, 0, 0)",
                       {slug, "Company " + slug});
  ids.branch = insert(conn,
                      "INSERT INTO branches (company_id, slug, name, time_zone, active) "
                      "VALUES (?, 'main', 'Main', 'Europe/Berlin', 1)",
                      {ids.company});
  ids.service = insert(conn,
                       "INSERT INTO services (company_id, slug, name, duration_min, "
                       "buffer_before_min, buffer_after_min, active) "
                       "VALUES (?, 'cut', 'Cut', 30, 10, 5, 1)",
                       {ids.company});
  ids.staff = insert_staff(conn, ids.company, ids.branch, "anna");
  ids.other_staff = insert_staff(conn, ids.company, ids.branch, "ben");
  for (int64_t staff : {ids.staff, ids.other_staff})
    expect_ok(conn.execute(
        "INSERT INTO staff_services (company_id, staff_id, service_id) VALUES (?, ?, ?)",
        {ids.company, staff, ids.service}));
  return ids;
}

persistence::booking_request booking(const domain_ids& ids, int64_t start, int64_t end, int before,
                                     int after) {
  persistence::booking_request req;
  req.branch_id = ids.branch;
  req.service_id = ids.service;
  req.staff_id = ids.staff;
  req.start_at = start;
  req.end_at = end;
  req.buffer_before_min = before;
  req.buffer_after_min = after;
  return req;
}

persistence::reservation_request reservation(const domain_ids& ids, int64_t start, int64_t end,
                                             int64_t expires_at) {
  persistence::reservation_request req;
  req.branch_id = ids.branch;
  req.service_id = ids.service;
  req.staff_id = ids.staff;
  req.start_at = start;
  req.end_at = end;
  req.expires_at = expires_at;
  return req;
}

int64_t count_rows(connection& conn, const std::string& table, const std::string& where) {
  auto rs = expect_ok(conn.query("SELECT COUNT(*) FROM " + table + " WHERE " + where));
  return expect_ok(rs[0].get<int64_t>(0));
}

}  // namespace askpro::test
