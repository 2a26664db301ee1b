// The booking repository on both backends: booking, overlap with buffers, tenants, reservations,
// idempotent requests.
#include "persistence/migrate.hpp"
#include "persistence/repo/booking_repo.hpp"
#include "tests/unit/persistence/backend.hpp"
#include "tests/unit/persistence/domain_fixture.hpp"

#include <catch2/catch.hpp>

using namespace askpro::persistence;
using askpro::errc;
using askpro::test::booking;
using askpro::test::count_rows;
using askpro::test::expect_error;
using askpro::test::expect_ok;
using askpro::test::minutes;
using askpro::test::reservation;
using askpro::test::t0;

namespace {

constexpr int64_t now = t0 - minutes(24 * 60);

reservation_request after_buffer(reservation_request req, int minutes_after) {
  req.buffer_after_min = minutes_after;
  return req;
}

claim_outcome<appointment_record> book_ok(connection& conn, tenant_scope scope,
                                          const booking_request& req) {
  return expect_ok(book(conn, scope, req, now));
}

}  // namespace

PERSISTENCE_CASE("book writes the appointment row", "[booking]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  auto req = booking(ids, t0, t0 + minutes(30), 10, 5);
  req.source = "phone";
  req.call_id = "call-1";
  req.notes = "first visit";
  auto out = book_ok(*conn, ids.scope(), req);
  REQUIRE_FALSE(out.taken);
  CHECK_FALSE(out.existing);
  CHECK(out.record.id > 0);
  CHECK(out.record.status == "booked");
  CHECK(out.record.source == "phone");
  CHECK(out.record.call_id == std::optional<std::string>{"call-1"});
  CHECK(out.record.buffer_before_min == 10);
  CHECK(out.record.buffer_after_min == 5);
  CHECK(out.record.created_at == now);
  auto found = expect_ok(find_appointment(*conn, ids.scope(), out.record.id));
  REQUIRE(found);
  CHECK(found->start_at == t0);
  CHECK(found->end_at == t0 + minutes(30));
  CHECK(found->notes == "first visit");
  CHECK(count_rows(*conn, "appointments") == 1);
}

PERSISTENCE_CASE("overlap, including either side's buffers, is taken and writes nothing",
                 "[booking]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  // Existing blocks [t0 - 10, t0 + 35) minutes.
  REQUIRE_FALSE(book_ok(*conn, ids.scope(), booking(ids, t0, t0 + minutes(30), 10, 5)).taken);
  struct probe {
    const char* what;
    int64_t start, end;
    int before, after;
  };
  const probe taken[] = {
      {"same interval", t0, t0 + minutes(30), 0, 0},
      {"inside", t0 + minutes(5), t0 + minutes(10), 0, 0},
      {"in the existing after-buffer", t0 + minutes(30), t0 + minutes(60), 0, 0},
      {"in the existing before-buffer", t0 - minutes(30), t0 - minutes(5), 0, 0},
      {"own before-buffer reaches back", t0 + minutes(40), t0 + minutes(70), 6, 0},
      {"own after-buffer reaches forward", t0 - minutes(40), t0 - minutes(15), 0, 6},
  };
  for (const auto& p : taken) {
    INFO(p.what);
    auto out = book_ok(*conn, ids.scope(), booking(ids, p.start, p.end, p.before, p.after));
    CHECK(out.taken);
  }
  CHECK(count_rows(*conn, "appointments") == 1);
}

PERSISTENCE_CASE("adjacent buffered intervals and other staff members are free", "[booking]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  REQUIRE_FALSE(book_ok(*conn, ids.scope(), booking(ids, t0, t0 + minutes(30), 10, 5)).taken);
  // Ends exactly where the existing before-buffer starts, with own after-buffer 5.
  CHECK_FALSE(
      book_ok(*conn, ids.scope(), booking(ids, t0 - minutes(45), t0 - minutes(15), 0, 5)).taken);
  // Starts exactly where the existing after-buffer ends, with own before-buffer 5.
  CHECK_FALSE(
      book_ok(*conn, ids.scope(), booking(ids, t0 + minutes(40), t0 + minutes(70), 5, 0)).taken);
  auto other = booking(ids, t0, t0 + minutes(30), 10, 5);
  other.staff_id = ids.other_staff;
  CHECK_FALSE(book_ok(*conn, ids.scope(), other).taken);
  CHECK(count_rows(*conn, "appointments") == 4);
}

PERSISTENCE_CASE("another tenant can neither see, book for nor cancel a tenant's rows",
                 "[booking]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  auto rival = askpro::test::insert_domain(*conn, "rival");
  auto mine = book_ok(*conn, ids.scope(), booking(ids, t0, t0 + minutes(30))).record;
  CHECK_FALSE(expect_ok(find_appointment(*conn, rival.scope(), mine.id)));
  expect_error(cancel_appointment(*conn, rival.scope(), mine.id, now), errc::not_found);
  reschedule_request move{mine.id, 0, t0 + minutes(60), t0 + minutes(90), {}, true};
  expect_error(reschedule_appointment(*conn, rival.scope(), move, now), errc::not_found);
  // The rival's scope with acme's staff, service or branch ids.
  expect_error(book(*conn, rival.scope(), booking(ids, t0 + minutes(60), t0 + minutes(90)), now),
               errc::not_found);
  auto mixed = booking(rival, t0 + minutes(60), t0 + minutes(90));
  mixed.service_id = ids.service;
  expect_error(book(*conn, rival.scope(), mixed, now), errc::not_found);
  mixed = booking(rival, t0 + minutes(60), t0 + minutes(90));
  mixed.branch_id = ids.branch;
  expect_error(book(*conn, rival.scope(), mixed, now), errc::not_found);
  CHECK(expect_ok(
            load_busy(*conn, rival.scope(), ids.branch, t0 - minutes(60), t0 + minutes(120), now))
            .empty());
  // Nor reference the tenant's reservation or customer from its own booking.
  auto held = expect_ok(reserve(
      *conn, ids.scope(), reservation(ids, t0 + minutes(60), t0 + minutes(90), now + 1), now));
  auto theirs = booking(rival, t0 + minutes(60), t0 + minutes(90));
  theirs.reservation_id = held.record.id;
  expect_error(book(*conn, rival.scope(), theirs, now), errc::not_found);
  expect_ok(
      conn->execute("INSERT INTO customers (company_id, phone_e164, created_at, "
                    "updated_at) VALUES (?, '+4930111', 0, 0)",
                    {ids.company}));
  theirs = booking(rival, t0 + minutes(60), t0 + minutes(90));
  theirs.customer_id = expect_ok(conn->last_insert_id());
  expect_error(book(*conn, rival.scope(), theirs, now), errc::conflict);
  CHECK(expect_ok(find_appointment(*conn, ids.scope(), mine.id))->status == "booked");
  CHECK(count_rows(*conn, "appointments") == 1);
}

PERSISTENCE_CASE("empty, overlong or wrongly buffered intervals are invalid", "[booking]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  auto week = minutes(7 * 24 * 60);
  expect_error(book(*conn, ids.scope(), booking(ids, t0, t0), now), errc::invalid_argument);
  expect_error(book(*conn, ids.scope(), booking(ids, t0, t0 + week + 1), now),
               errc::invalid_argument);
  expect_error(book(*conn, ids.scope(), booking(ids, t0, t0 + minutes(30), -1, 0), now),
               errc::invalid_argument);
  expect_error(reserve(*conn, ids.scope(),
                       after_buffer(reservation(ids, t0, t0 + minutes(30), now + 1), 1441), now),
               errc::invalid_argument);
  CHECK(count_rows(*conn, "appointments") == 0);
  // The longest allowed appointment, with the largest buffers, still blocks what it meets.
  REQUIRE_FALSE(
      expect_ok(book(*conn, ids.scope(), booking(ids, t0, t0 + week, 1440, 1440), now)).taken);
  auto after = t0 + week + minutes(1439);
  CHECK(expect_ok(book(*conn, ids.scope(), booking(ids, after, after + minutes(30)), now)).taken);
  auto before = t0 - minutes(1440) - minutes(30);
  CHECK(expect_ok(book(*conn, ids.scope(), booking(ids, before, before + minutes(31)), now)).taken);
  CHECK_FALSE(
      expect_ok(book(*conn, ids.scope(), booking(ids, before, before + minutes(30)), now)).taken);
}

PERSISTENCE_CASE("inactive staff member is not found", "[booking]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  expect_ok(conn->execute("UPDATE staff SET active = 0 WHERE id = ?", {ids.staff}));
  expect_error(book(*conn, ids.scope(), booking(ids, t0, t0 + minutes(30)), now), errc::not_found);
  CHECK(count_rows(*conn, "appointments") == 0);
}

PERSISTENCE_CASE("a cancelled appointment frees its slot and cancel is idempotent", "[booking]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  auto first = book_ok(*conn, ids.scope(), booking(ids, t0, t0 + minutes(30))).record;
  REQUIRE(book_ok(*conn, ids.scope(), booking(ids, t0, t0 + minutes(30))).taken);
  auto cancelled = expect_ok(cancel_appointment(*conn, ids.scope(), first.id, now + 1));
  CHECK(cancelled.status == "cancelled");
  CHECK(cancelled.updated_at == now + 1);
  auto again = expect_ok(cancel_appointment(*conn, ids.scope(), first.id, now + 2));
  CHECK(again.status == "cancelled");
  CHECK(again.updated_at == now + 1);  // unchanged
  CHECK_FALSE(book_ok(*conn, ids.scope(), booking(ids, t0, t0 + minutes(30))).taken);
  expect_error(cancel_appointment(*conn, ids.scope(), first.id + 1000, now), errc::not_found);
}

PERSISTENCE_CASE("a live reservation blocks, an expired one does not", "[booking]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  auto held = expect_ok(
      reserve(*conn, ids.scope(), reservation(ids, t0, t0 + minutes(30), now + minutes(5)), now));
  REQUIRE_FALSE(held.taken);
  CHECK(held.record.status == "held");
  CHECK(held.record.expires_at == now + minutes(5));
  CHECK(book_ok(*conn, ids.scope(), booking(ids, t0 + minutes(10), t0 + minutes(40))).taken);
  CHECK(expect_ok(reserve(*conn, ids.scope(),
                          reservation(ids, t0, t0 + minutes(30), now + minutes(5)), now))
            .taken);
  // Expired by the clock (still 'held' in the table): no longer blocks.
  auto later = now + minutes(5);
  auto out = expect_ok(book(*conn, ids.scope(), booking(ids, t0, t0 + minutes(30)), later));
  CHECK_FALSE(out.taken);
}

PERSISTENCE_CASE("booking converts its own reservation, others' holds still block", "[booking]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  auto mine = expect_ok(reserve(*conn, ids.scope(),
                                reservation(ids, t0, t0 + minutes(30), now + minutes(5)), now))
                  .record;
  auto req = booking(ids, t0, t0 + minutes(30));
  req.reservation_id = mine.id;
  auto out = book_ok(*conn, ids.scope(), req);
  REQUIRE_FALSE(out.taken);
  auto rs = expect_ok(
      conn->query("SELECT status, appointment_id FROM reservations WHERE id = ?", {mine.id}));
  CHECK(expect_ok(rs[0].get<std::string>("status")) == "converted");
  CHECK(expect_ok(rs[0].get<int64_t>("appointment_id")) == out.record.id);
  // Converting again: the reservation is no longer held.
  expect_error(book(*conn, ids.scope(), req, now), errc::not_found);
  CHECK(count_rows(*conn, "appointments") == 1);
}

PERSISTENCE_CASE("a repeated request key returns the first appointment", "[booking]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  auto rival = askpro::test::insert_domain(*conn, "rival");
  auto req = booking(ids, t0, t0 + minutes(30));
  req.request_key = "call-1/cut/start";
  auto first = book_ok(*conn, ids.scope(), req);
  REQUIRE_FALSE(first.taken);
  CHECK_FALSE(first.existing);
  auto second = book_ok(*conn, ids.scope(), req);
  CHECK_FALSE(second.taken);
  CHECK(second.existing);
  CHECK(second.record.id == first.record.id);
  // Keys are per tenant.
  auto theirs = booking(rival, t0, t0 + minutes(30));
  theirs.request_key = req.request_key;
  CHECK_FALSE(book_ok(*conn, rival.scope(), theirs).existing);
  CHECK(count_rows(*conn, "appointments") == 2);
}

PERSISTENCE_CASE("load_busy lists booked and live held intervals of the branch", "[booking]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  book_ok(*conn, ids.scope(), booking(ids, t0, t0 + minutes(30), 10, 5));
  auto gone = book_ok(*conn, ids.scope(), booking(ids, t0 + minutes(60), t0 + minutes(90)));
  expect_ok(cancel_appointment(*conn, ids.scope(), gone.record.id, now));
  auto held = reservation(ids, t0 + minutes(120), t0 + minutes(150), now + minutes(5));
  held.staff_id = ids.other_staff;
  expect_ok(reserve(*conn, ids.scope(), held, now));
  expect_ok(reserve(*conn, ids.scope(),
                    reservation(ids, t0 + minutes(200), t0 + minutes(230), now + 1), now));
  auto busy = expect_ok(
      load_busy(*conn, ids.scope(), ids.branch, t0 - minutes(60), t0 + minutes(300), now + 1));
  REQUIRE(busy.size() == 2);
  CHECK(busy[0].staff_id == ids.staff);
  CHECK(busy[0].buffer_before_min == 10);
  CHECK_FALSE(busy[0].expires_at);
  CHECK(busy[1].staff_id == ids.other_staff);
  CHECK(busy[1].expires_at == std::optional<int64_t>{now + minutes(5)});
  // The window meets only the buffer: [t0 + 30, t0 + 35) is the after-buffer.
  CHECK(
      expect_ok(load_busy(*conn, ids.scope(), ids.branch, t0 + minutes(34), t0 + minutes(35), now))
          .size() == 1);
  CHECK(
      expect_ok(load_busy(*conn, ids.scope(), ids.branch, t0 + minutes(35), t0 + minutes(36), now))
          .empty());
}

PERSISTENCE_CASE("expire_reservations marks only expired held rows", "[booking]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  auto early =
      expect_ok(reserve(*conn, ids.scope(), reservation(ids, t0, t0 + minutes(30), now + 10), now));
  auto late = expect_ok(reserve(
      *conn, ids.scope(), reservation(ids, t0 + minutes(60), t0 + minutes(90), now + 100), now));
  auto released = expect_ok(reserve(
      *conn, ids.scope(), reservation(ids, t0 + minutes(120), t0 + minutes(150), now + 5), now));
  expect_ok(release_reservation(*conn, ids.scope(), released.record.id, now));
  expect_error(release_reservation(*conn, ids.scope(), released.record.id, now), errc::not_found);
  auto rival = askpro::test::insert_domain(*conn, "rival");
  expect_ok(reserve(*conn, rival.scope(), reservation(rival, t0, t0 + minutes(30), now + 10), now));
  CHECK(expect_ok(expire_reservations(*conn, ids.scope(), now + 10)) == 1);
  auto status = [&](int64_t id) {
    auto rs = expect_ok(conn->query("SELECT status FROM reservations WHERE id = ?", {id}));
    return expect_ok(rs[0].get<std::string>(0));
  };
  CHECK(status(early.record.id) == "expired");
  CHECK(status(late.record.id) == "held");
  CHECK(status(released.record.id) == "released");
  CHECK(count_rows(*conn, "reservations", "status = 'held'") == 2);  // late + rival's
  CHECK(expect_ok(expire_reservations(*conn, ids.scope(), now + 10)) == 0);
}

PERSISTENCE_CASE("customer_appointments lists upcoming booked ones by start", "[booking]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  expect_ok(
      conn->execute("INSERT INTO customers (company_id, phone_e164, created_at, "
                    "updated_at) VALUES (?, '+4930111', 0, 0)",
                    {ids.company}));
  auto customer = expect_ok(conn->last_insert_id());
  auto at = [&](int64_t start) {
    auto req = booking(ids, start, start + minutes(30));
    req.customer_id = customer;
    return book_ok(*conn, ids.scope(), req).record;
  };
  auto later = at(t0 + minutes(120));
  auto sooner = at(t0);
  auto past = at(t0 - minutes(120));
  auto cancelled = at(t0 + minutes(240));
  expect_ok(cancel_appointment(*conn, ids.scope(), cancelled.id, now));
  auto list = expect_ok(customer_appointments(*conn, ids.scope(), customer, t0 - minutes(60)));
  REQUIRE(list.size() == 2);
  CHECK(list[0].id == sooner.id);
  CHECK(list[1].id == later.id);
  CHECK(list[0].customer_id == std::optional<int64_t>{customer});
  CHECK(past.id != 0);
}
