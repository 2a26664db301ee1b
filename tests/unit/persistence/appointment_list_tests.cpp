// Appointment lists: filters, branch limits, tenant scoping and keyset pages that stay stable
// while rows are inserted between them.
#include "persistence/repo/appointment_list.hpp"
#include "tests/unit/persistence/backend.hpp"
#include "tests/unit/persistence/domain_fixture.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace askpro::persistence;
using askpro::test::booking;
using askpro::test::expect_ok;
using askpro::test::insert_domain;
using askpro::test::minutes;
using askpro::test::t0;

namespace {

int64_t book_at(connection& conn, const askpro::test::domain_ids& ids, int64_t start,
                bool other_staff = false) {
  auto req = booking(ids, start, start + minutes(30));
  if (other_staff) req.staff_id = ids.other_staff;
  auto out = expect_ok(book(conn, ids.scope(), req, t0 - minutes(600)));
  REQUIRE_FALSE(out.taken);
  return out.record.id;
}

}  // namespace

PERSISTENCE_CASE("appointment lists filter and never show another tenant's rows", "[list]") {
  auto conn = db.migrated();
  auto a = insert_domain(*conn, "salon-a");
  auto b = insert_domain(*conn, "salon-b");
  book_at(*conn, a, t0);
  book_at(*conn, a, t0 + minutes(60), true);
  auto cancelled = book_at(*conn, a, t0 + minutes(120));
  expect_ok(cancel_appointment(*conn, a.scope(), cancelled, t0 - minutes(500)));
  book_at(*conn, b, t0);

  appointment_filter all;
  CHECK(expect_ok(list_appointments(*conn, a.scope(), all)).size() == 3);
  CHECK(expect_ok(list_appointments(*conn, b.scope(), all)).size() == 1);
  appointment_filter booked;
  booked.status = "booked";
  CHECK(expect_ok(list_appointments(*conn, a.scope(), booked)).size() == 2);
  appointment_filter staff;
  staff.staff_id = a.other_staff;
  CHECK(expect_ok(list_appointments(*conn, a.scope(), staff)).size() == 1);
  appointment_filter window;
  window.from_ms = t0 + minutes(30);
  window.to_ms = t0 + minutes(120);
  CHECK(expect_ok(list_appointments(*conn, a.scope(), window)).size() == 1);
  appointment_filter limited;
  limited.allowed_branches = {b.branch};  // a branch of another tenant: nothing
  CHECK(expect_ok(list_appointments(*conn, a.scope(), limited)).empty());
  limited.allowed_branches = {a.branch};
  CHECK(expect_ok(list_appointments(*conn, a.scope(), limited)).size() == 3);
}

PERSISTENCE_CASE("keyset pages neither repeat nor skip rows inserted in between", "[list]") {
  auto conn = db.migrated();
  auto ids = insert_domain(*conn, "salon-a");
  for (int i = 0; i < 10; ++i) book_at(*conn, ids, t0 + minutes(60) * i);
  std::set<int64_t> seen;
  appointment_filter page;
  page.limit = 3;
  int inserted = 0;
  for (;;) {
    auto rows = expect_ok(list_appointments(*conn, ids.scope(), page));
    for (const auto& r : rows) CHECK(seen.insert(r.id).second);
    if (rows.empty()) break;
    REQUIRE(seen.size() <= 13);
    page.after = std::make_pair(rows.back().start_at, rows.back().id);
    if (inserted == 3) continue;
    // one row before the position (not to be seen) and one after it (to be seen)
    book_at(*conn, ids, t0 - minutes(60) * (++inserted), true);
    book_at(*conn, ids, t0 + minutes(60) * (20 + inserted), true);
  }
  CHECK(seen.size() == 13);  // the 10 plus the 3 inserted after the position
}
