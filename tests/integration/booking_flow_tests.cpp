// Bookings through the tenant's booking actor: rule outcomes, "any staff", reservations that
// block until they expire, cancel, reschedule (both or neither) and customers found by any
// local form of their number.
#include "runtime/atoms.hpp"
#include "runtime/bridge.hpp"

#include <future>
#include "tests/integration/booking_fixture.hpp"

using namespace askpro;
using namespace askpro::test;
namespace cal = askpro::actors::calendar;
using cal::check_status;

namespace {

template <class Reply, class Atom, class Msg>
Result<Reply> ask_booking(booking_node& n, Atom atom, const Msg& msg) {
  return runtime::ask<Reply>(n.sys(), n.booking(), 30s, atom, msg);
}

cal::reserve_request hold_at(time_point start, std::string staff) {
  cal::reserve_request r;
  r.branch = "mitte";
  r.service = "cut";
  r.staff = std::move(staff);
  r.start = start;
  r.call_id = "call-1";
  return r;
}

}  // namespace

BOOKING_CASE("Booking answers rule outcomes and picks a staff member for any staff", "") {
  seed_salon(db);
  booking_node n{db.settings()};
  auto soon = expect_ok(book(n, cut_at(berlin(2026, 12, 1, 9, 30))));
  CHECK_FALSE(soon.booked);
  CHECK(soon.status == check_status::too_soon);
  auto sunday = expect_ok(book(n, cut_at(berlin(2026, 12, 6, 10))));
  CHECK(sunday.status == check_status::closed_day);
  auto any = expect_ok(book(n, cut_at(berlin(2026, 12, 2, 10))));
  REQUIRE(any.booked);
  CHECK(any.appointment->service == "cut");
  CHECK(any.appointment->branch == "mitte");
  CHECK(any.appointment->staff == "anna");  // tie on load: the smaller slug
  auto second = expect_ok(book(n, cut_at(berlin(2026, 12, 2, 10))));
  REQUIRE(second.booked);
  CHECK(second.appointment->staff == "ben");
  auto third = expect_ok(book(n, cut_at(berlin(2026, 12, 2, 10))));
  CHECK_FALSE(third.booked);
  CHECK(third.status == check_status::slot_taken);
  REQUIRE_FALSE(third.alternatives.empty());
  CHECK(third.alternatives.front().start_utc != berlin(2026, 12, 2, 10));
  expect_error(book(n,
                    [] {
                      auto r = cut_at(berlin(2026, 12, 2, 11));
                      r.service = "massage";
                      return r;
                    }()),
               errc::not_found);
}

BOOKING_CASE("A repeated request key returns the first booking even with any staff", "") {
  seed_salon(db);
  booking_node n{db.settings()};
  auto keyed = [] {
    auto r = cut_at(berlin(2026, 12, 2, 10));
    r.request_key = "call-7|cut|2026-12-02T10:00";
    return r;
  }();
  auto first = expect_ok(book(n, keyed));
  REQUIRE(first.booked);
  // the other staff member is booked too, so the engine sees the slot taken by everyone
  REQUIRE(expect_ok(book(n, cut_at(berlin(2026, 12, 2, 10)))).booked);
  for (int repeat = 0; repeat < 3; ++repeat) {
    auto again = expect_ok(book(n, keyed));
    REQUIRE(again.booked);
    CHECK(again.existing);
    CHECK(again.appointment->record.id == first.appointment->record.id);
  }
  auto unkeyed = expect_ok(book(n, cut_at(berlin(2026, 12, 2, 10))));
  CHECK_FALSE(unkeyed.booked);
  CHECK(unkeyed.status == check_status::slot_taken);
}

BOOKING_CASE("A reservation blocks the slot until it expires", "") {
  seed_salon(db);
  booking_node n{db.settings()};
  const auto at = berlin(2026, 12, 2, 11);
  auto hold =
      expect_ok(ask_booking<cal::reserve_reply>(n, cal::reserve_atom::value, hold_at(at, "anna")));
  REQUIRE(hold.reserved);
  CHECK(hold.reservation->record.expires_at ==
        runtime::to_unix_ms(scenario_now() + std::chrono::seconds{300}));
  auto blocked = expect_ok(book(n, cut_at(at, std::string{"anna"})));
  CHECK_FALSE(blocked.booked);
  CHECK(blocked.status == check_status::slot_taken);
  n.clock().advance(std::chrono::seconds{301});
  auto after = expect_ok(book(n, cut_at(at, std::string{"anna"})));
  CHECK(after.booked);
}

BOOKING_CASE("A reservation converts into the booking of the same call", "") {
  seed_salon(db);
  booking_node n{db.settings()};
  const auto at = berlin(2026, 12, 2, 12);
  auto hold =
      expect_ok(ask_booking<cal::reserve_reply>(n, cal::reserve_atom::value, hold_at(at, "ben")));
  REQUIRE(hold.reserved);
  auto req = cut_at(at, std::string{"ben"});
  req.reservation_id = hold.reservation->record.id;
  auto booked = expect_ok(book(n, req));
  CHECK(booked.booked);
  CHECK(count_booked(db) == 1);
}

BOOKING_CASE("Cancel frees the slot and reschedule moves both or neither", "") {
  seed_salon(db);
  booking_node n{db.settings()};
  const auto ten = berlin(2026, 12, 2, 10), eleven = berlin(2026, 12, 2, 11);
  auto first = expect_ok(book(n, cut_at(ten, std::string{"anna"})));
  REQUIRE(first.booked);
  auto other = expect_ok(book(n, cut_at(eleven, std::string{"anna"})));
  REQUIRE(other.booked);
  // Moving onto a taken time changes nothing.
  cal::reschedule_request onto{"", first.appointment->record.id, eleven, {}, 3};
  auto refused = expect_ok(ask_booking<cal::book_reply>(n, cal::resched_atom::value, onto));
  CHECK_FALSE(refused.booked);
  CHECK(refused.status == check_status::slot_taken);
  CHECK_FALSE(refused.alternatives.empty());
  CHECK(count_booked(db) == 2);
  // A free time moves it: the old time is free again, the new one taken.
  cal::reschedule_request later{
      "mitte", first.appointment->record.id, berlin(2026, 12, 2, 14), {}, 3};
  auto moved = expect_ok(ask_booking<cal::book_reply>(n, cal::resched_atom::value, later));
  REQUIRE(moved.booked);
  CHECK(moved.appointment->record.rescheduled_from == first.appointment->record.id);
  CHECK(count_booked(db) == 2);
  CHECK(expect_ok(book(n, cut_at(ten, std::string{"anna"}))).booked);
  // Cancel frees eleven o'clock.
  cal::cancel_request cancel{"", other.appointment->record.id};
  auto cancelled =
      expect_ok(ask_booking<cal::appointment_info>(n, cal::cancel_atom::value, cancel));
  CHECK(cancelled.record.status == "cancelled");
  CHECK(expect_ok(book(n, cut_at(eleven, std::string{"anna"}))).booked);
  cal::cancel_request missing{"", 999999};
  expect_error(ask_booking<cal::appointment_info>(n, cal::cancel_atom::value, missing),
               errc::not_found);
}

BOOKING_CASE("Customers are one per number whatever the local format", "") {
  seed_salon(db);
  booking_node n{db.settings()};
  auto a = cut_at(berlin(2026, 12, 3, 10));
  a.customer_phone = "030 1234567";
  a.customer_name = "Kundin";
  auto b = cut_at(berlin(2026, 12, 3, 11));
  b.customer_phone = "+49301234567";
  auto first = expect_ok(book(n, a));
  auto second = expect_ok(book(n, b));
  REQUIRE(first.booked);
  REQUIRE(second.booked);
  REQUIRE(first.appointment->record.customer_id);
  CHECK(first.appointment->record.customer_id == second.appointment->record.customer_id);
  cal::appointments_query q;
  q.customer_phone = "(030) 123-4567";
  q.from = scenario_now();
  auto list =
      expect_ok(ask_booking<std::vector<cal::appointment_info>>(n, cal::appts_atom::value, q));
  CHECK(list.size() == 2);
  auto bad = cut_at(berlin(2026, 12, 3, 12));
  bad.customer_phone = "12";
  expect_error(book(n, bad), errc::invalid_argument);
}

BOOKING_CASE("An open calendar breaker fails bookings fast and the queue keeps going", "") {
  seed_salon(db);
  booking_node n{db.settings()};
  auto booking = n.booking();
  REQUIRE(eventually(
      [&] { return n.registry().actor_at("/tenants/salon/calendars/mitte/breaker") != nullptr; }));
  auto breaker = n.registry().actor_at("/tenants/salon/calendars/mitte/breaker");
  REQUIRE(runtime::ask<caf::ok_atom>(n.sys(), breaker, 5s, runtime::breaker_open_atom::value));
  std::vector<std::future<Result<cal::book_reply>>> calls;
  for (int i = 0; i < 20; ++i)
    calls.push_back(std::async(std::launch::async, [&n, booking, i] {
      return runtime::ask<cal::book_reply>(
          n.sys(), booking, 30s, cal::book_atom::value,
          cut_at(berlin(2026, 12, 4, 9) + std::chrono::minutes{15 * i}));
    }));
  for (auto& f : calls) expect_error(f.get(), errc::calendar_unavailable);
  REQUIRE(runtime::ask<caf::ok_atom>(n.sys(), breaker, 5s, runtime::breaker_reset_atom::value));
  CHECK(expect_ok(book(n, cut_at(berlin(2026, 12, 4, 9)))).booked);
  CHECK(count_booked(db) == 1);
}

BOOKING_CASE("Availability and check through the actor see bookings at once", "") {
  seed_salon(db);
  booking_node n{db.settings()};
  const auto wed = date::local_days{date::year{2026} / 12 / 2};
  cal::availability_query q{"mitte", "Haarschnitt", std::string{"anna"}, wed, wed + date::days{1}};
  auto before = expect_ok(ask_booking<cal::availability_reply>(n, cal::avail_atom::value, q));
  CHECK(before.service == "cut");
  CHECK(before.slots.size() == 35);  // 09:00 … 17:30 every 15 minutes
  REQUIRE(expect_ok(book(n, cut_at(berlin(2026, 12, 2, 10), std::string{"anna"}))).booked);
  auto after = expect_ok(ask_booking<cal::availability_reply>(n, cal::avail_atom::value, q));
  CHECK(after.slots.size() == 32);  // 09:45, 10:00 and 10:15 overlap the booking
  cal::check_query c{"mitte", "cut", std::string{"anna"}, berlin(2026, 12, 2, 10), 2};
  auto taken = expect_ok(ask_booking<cal::check_reply>(n, cal::check_atom::value, c));
  CHECK(taken.status == check_status::slot_taken);
  REQUIRE(taken.alternatives.size() == 2);
  c.start = berlin(2026, 12, 2, 11);
  auto free = expect_ok(ask_booking<cal::check_reply>(n, cal::check_atom::value, c));
  CHECK(free.status == check_status::free);
  REQUIRE(free.free_slot);
  CHECK(free.free_slot->staff == "anna");
  q.branch = "nowhere";
  expect_error(ask_booking<cal::availability_reply>(n, cal::avail_atom::value, q), errc::not_found);
}
