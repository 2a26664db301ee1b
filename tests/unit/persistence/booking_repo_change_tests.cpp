// Rescheduling on both backends: both-or-neither, idempotent repeats, tenant and status checks.
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
using askpro::test::t0;

namespace {

constexpr int64_t now = t0 - minutes(24 * 60);

appointment_record booked(connection& conn, tenant_scope scope, const booking_request& req) {
  auto out = expect_ok(book(conn, scope, req, now));
  REQUIRE_FALSE(out.taken);
  return out.record;
}

}  // namespace

PERSISTENCE_CASE("reschedule moves the appointment to a new row linked to the old", "[booking]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  auto req = booking(ids, t0, t0 + minutes(30), 10, 5);
  req.source = "phone";
  req.call_id = "call-1";
  req.notes = "window seat";
  req.request_key = "call-1/key";
  auto old = booked(*conn, ids.scope(), req);
  reschedule_request move{old.id, 0, t0 + minutes(120), t0 + minutes(150), {}, true};
  auto out = expect_ok(reschedule_appointment(*conn, ids.scope(), move, now + 1));
  REQUIRE_FALSE(out.taken);
  CHECK_FALSE(out.existing);
  const auto& moved = out.record;
  CHECK(moved.id != old.id);
  CHECK(moved.status == "booked");
  CHECK(moved.rescheduled_from == std::optional<int64_t>{old.id});
  CHECK(moved.start_at == t0 + minutes(120));
  CHECK(moved.staff_id == ids.staff);
  CHECK(moved.source == "phone");
  CHECK(moved.call_id == old.call_id);
  CHECK(moved.notes == "window seat");
  CHECK(moved.buffer_before_min == 10);
  CHECK_FALSE(moved.request_key);
  auto before = expect_ok(find_appointment(*conn, ids.scope(), old.id));
  CHECK(before->status == "rescheduled");
  CHECK(before->updated_at == now + 1);
  // The old slot is free again, the new one is taken.
  CHECK_FALSE(expect_ok(book(*conn, ids.scope(), booking(ids, t0, t0 + minutes(30)), now)).taken);
  CHECK(expect_ok(book(*conn, ids.scope(), booking(ids, t0 + minutes(120), t0 + minutes(150)), now))
            .taken);
}

PERSISTENCE_CASE("repeating a reschedule yields the successor, elsewhere is a conflict",
                 "[booking]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  auto old = booked(*conn, ids.scope(), booking(ids, t0, t0 + minutes(30)));
  reschedule_request move{old.id, 0, t0 + minutes(60), t0 + minutes(90), {}, true};
  auto first = expect_ok(reschedule_appointment(*conn, ids.scope(), move, now));
  auto again = expect_ok(reschedule_appointment(*conn, ids.scope(), move, now));
  CHECK(again.existing);
  CHECK(again.record.id == first.record.id);
  reschedule_request elsewhere{old.id, 0, t0 + minutes(180), t0 + minutes(210), {}, true};
  expect_error(reschedule_appointment(*conn, ids.scope(), elsewhere, now), errc::conflict);
  CHECK(count_rows(*conn, "appointments") == 2);
}

PERSISTENCE_CASE("a taken reschedule changes nothing", "[booking]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  auto old = booked(*conn, ids.scope(), booking(ids, t0, t0 + minutes(30), 10, 5));
  booked(*conn, ids.scope(), booking(ids, t0 + minutes(120), t0 + minutes(150)));
  // The old buffers go with the move: its 10-minute before-buffer meets the other booking.
  reschedule_request move{old.id, 0, t0 + minutes(155), t0 + minutes(185), {}, true};
  auto out = expect_ok(reschedule_appointment(*conn, ids.scope(), move, now + 1));
  CHECK(out.taken);
  auto still = expect_ok(find_appointment(*conn, ids.scope(), old.id));
  CHECK(still->status == "booked");
  CHECK(still->start_at == t0);
  CHECK(still->updated_at == now);
  CHECK(count_rows(*conn, "appointments") == 2);
  // Moving within its own buffered span is fine (it does not block itself).
  reschedule_request nudge{old.id, 0, t0 + minutes(5), t0 + minutes(35), {}, true};
  CHECK_FALSE(expect_ok(reschedule_appointment(*conn, ids.scope(), nudge, now)).taken);
}

PERSISTENCE_CASE("reschedule to another staff member, and status rules", "[booking]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  auto old = booked(*conn, ids.scope(), booking(ids, t0, t0 + minutes(30)));
  reschedule_request move{old.id, ids.other_staff, t0, t0 + minutes(30), {}, true};
  auto out = expect_ok(reschedule_appointment(*conn, ids.scope(), move, now));
  REQUIRE_FALSE(out.taken);
  CHECK(out.record.staff_id == ids.other_staff);
  // The successor can be cancelled; a rescheduled one cannot.
  expect_error(cancel_appointment(*conn, ids.scope(), old.id, now), errc::conflict);
  expect_ok(cancel_appointment(*conn, ids.scope(), out.record.id, now));
  reschedule_request cancelled_move{out.record.id, 0, t0 + minutes(60), t0 + minutes(90), {}, true};
  expect_error(reschedule_appointment(*conn, ids.scope(), cancelled_move, now), errc::conflict);
  reschedule_request unknown{old.id + 1000, 0, t0, t0 + minutes(30), {}, true};
  expect_error(reschedule_appointment(*conn, ids.scope(), unknown, now), errc::not_found);
}
