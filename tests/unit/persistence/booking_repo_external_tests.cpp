// Bookings an external calendar (Cal.com) owns, on both backends: recorded once per uid, found
// by uid and by request key, recorded without the local overlap check, moved to a successor
// carrying the new uid, marked no_show.
#include "persistence/migrate.hpp"
#include "persistence/repo/booking_repo.hpp"
#include "tests/unit/persistence/backend.hpp"
#include "tests/unit/persistence/domain_fixture.hpp"

#include <catch2/catch.hpp>

using namespace askpro::persistence;
using askpro::errc;
using askpro::test::booking;
using askpro::test::expect_error;
using askpro::test::expect_ok;
using askpro::test::minutes;
using askpro::test::t0;

namespace {

constexpr int64_t now = t0 - minutes(24 * 60);

booking_request external(const askpro::test::domain_ids& ids, int64_t start,
                         const std::string& uid) {
  auto req = booking(ids, start, start + minutes(30), 0, 0);
  req.source = "calcom";
  req.external_uid = uid;
  req.check_overlap = false;
  return req;
}

}  // namespace

PERSISTENCE_CASE("an external booking is recorded once per uid, without the overlap check",
                 "[booking][external]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  auto local = expect_ok(book(*conn, ids.scope(), booking(ids, t0, t0 + minutes(30), 0, 0), now));
  REQUIRE_FALSE(local.taken);
  // The calendar account owns the time: the same slot is recorded although a local row has it.
  auto first = expect_ok(book(*conn, ids.scope(), external(ids, t0, "uid-1"), now));
  REQUIRE_FALSE(first.taken);
  CHECK_FALSE(first.existing);
  CHECK(first.record.external_uid == std::optional<std::string>{"uid-1"});
  auto again = expect_ok(book(*conn, ids.scope(), external(ids, t0 + minutes(60), "uid-1"), now));
  CHECK(again.existing);
  CHECK(again.record.id == first.record.id);
  CHECK(again.record.start_at == t0);
  auto found = expect_ok(find_appointment_by_external_uid(*conn, ids.scope(), "uid-1"));
  REQUIRE(found);
  CHECK(found->id == first.record.id);
  CHECK_FALSE(expect_ok(find_appointment_by_external_uid(*conn, ids.scope(), "uid-2")));
  // Another tenant's uid lookup sees nothing of this one.
  auto other = askpro::test::insert_domain(*conn, "other");
  CHECK_FALSE(expect_ok(find_appointment_by_external_uid(*conn, other.scope(), "uid-1")));
  // With the overlap check (the default) the slot is taken.
  auto checked = external(ids, t0, "uid-3");
  checked.check_overlap = true;
  CHECK(expect_ok(book(*conn, ids.scope(), checked, now)).taken);
}

PERSISTENCE_CASE("a request key finds the external booking it made", "[booking][external]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  auto req = external(ids, t0, "uid-k");
  req.request_key = "call-1|cut|t0";
  auto first = expect_ok(book(*conn, ids.scope(), req, now));
  auto by_key = expect_ok(find_appointment_by_request_key(*conn, ids.scope(), "call-1|cut|t0"));
  REQUIRE(by_key);
  CHECK(by_key->id == first.record.id);
  // The same key with a new uid (a second booking at the account) still answers the first row.
  req.external_uid = "uid-other";
  auto repeat = expect_ok(book(*conn, ids.scope(), req, now));
  CHECK(repeat.existing);
  CHECK(repeat.record.id == first.record.id);
}

PERSISTENCE_CASE("an external reschedule links a successor with the new uid; no-show marks",
                 "[booking][external]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  auto old = expect_ok(book(*conn, ids.scope(), external(ids, t0, "uid-old"), now)).record;
  expect_ok(book(*conn, ids.scope(), booking(ids, t0 + minutes(60), t0 + minutes(90), 0, 0), now));
  reschedule_request move{old.id, 0, t0 + minutes(60), t0 + minutes(90), "uid-new", false};
  auto out = expect_ok(reschedule_appointment(*conn, ids.scope(), move, now));
  REQUIRE_FALSE(out.taken);
  CHECK(out.record.external_uid == std::optional<std::string>{"uid-new"});
  CHECK(out.record.rescheduled_from == std::optional<int64_t>{old.id});
  CHECK(expect_ok(find_appointment_by_external_uid(*conn, ids.scope(), "uid-old"))->status ==
        "rescheduled");
  auto absent = expect_ok(mark_no_show(*conn, ids.scope(), out.record.id, now + 1));
  CHECK(absent.status == "no_show");
  CHECK(expect_ok(mark_no_show(*conn, ids.scope(), out.record.id, now + 2)).status == "no_show");
  expect_error(mark_no_show(*conn, ids.scope(), old.id, now), errc::conflict);
  expect_error(mark_no_show(*conn, ids.scope(), old.id + 1000, now), errc::not_found);
}
