// Booking and customer records as db_task replies through /db: every record type a repository
// returns travels in a local CAF message (CAF_ALLOW_UNSAFE_MESSAGE_TYPE in the repo headers).
#include "persistence/db_client.hpp"
#include "persistence/repo/booking_repo.hpp"
#include "persistence/repo/customer_repo.hpp"
#include "tests/unit/persistence/actor_fixture.hpp"
#include "tests/unit/persistence/backend.hpp"
#include "tests/unit/persistence/domain_fixture.hpp"

#include <caf/make_message.hpp>
#include <catch2/catch.hpp>

using namespace askpro::persistence;
using namespace std::chrono_literals;
using askpro::test::booking;
using askpro::test::db_tree;
using askpro::test::expect_ok;
using askpro::test::minutes;
using askpro::test::t0;

namespace {

constexpr int64_t now = t0 - minutes(24 * 60);

template <class T, class F>
T through_db(db_tree& tree, access mode, F fn) {
  return expect_ok(run_blocking<T>(tree.sys(), tree.db(), mode, 10s, std::move(fn)));
}

}  // namespace

PERSISTENCE_CASE("booking records travel as /db task replies", "[booking][actor]") {
  auto ids = askpro::test::insert_domain(*db.migrated(), "acme");
  db_tree tree{db.settings()};
  auto scope = ids.scope();
  auto customer = through_db<customer_record>(tree, access::write, [=](connection& c) {
    return find_or_create_customer(c, scope, "+4930333", "Lee", now);
  });
  auto req = booking(ids, t0, t0 + minutes(30));
  req.customer_id = customer.id;
  auto booked = through_db<claim_outcome<appointment_record>>(
      tree, access::write, [=](connection& c) { return book(c, scope, req, now); });
  REQUIRE_FALSE(booked.taken);
  auto held =
      through_db<claim_outcome<reservation_record>>(tree, access::write, [=](connection& c) {
        return reserve(c, scope, askpro::test::reservation(ids, t0, t0 + minutes(30), now + 1),
                       now);
      });
  CHECK(held.taken);
  auto busy = through_db<std::vector<busy_record>>(tree, access::read, [=](connection& c) {
    return load_busy(c, scope, ids.branch, t0, t0 + minutes(60), now);
  });
  CHECK(busy.size() == 1);
  auto found = through_db<std::optional<appointment_record>>(
      tree, access::read,
      [=](connection& c) { return find_appointment(c, scope, booked.record.id); });
  REQUIRE(found);
  CHECK(found->customer_id == std::optional<int64_t>{customer.id});
  auto upcoming = through_db<std::vector<appointment_record>>(
      tree, access::read,
      [=](connection& c) { return customer_appointments(c, scope, customer.id, now); });
  CHECK(upcoming.size() == 1);
  auto by_phone = through_db<std::optional<customer_record>>(
      tree, access::read,
      [=](connection& c) { return find_customer_by_phone(c, scope, "+4930333"); });
  CHECK(by_phone->name == "Lee");
  auto cancelled = through_db<appointment_record>(tree, access::write, [=](connection& c) {
    return cancel_appointment(c, scope, booked.record.id, now);
  });
  CHECK(cancelled.status == "cancelled");
  CHECK(tree.stop());
}

TEST_CASE("booking records and containers are local message types", "[booking]") {
  auto msg = caf::make_message(std::optional<reservation_record>{}, reservation_record{});
  CHECK(msg.match_elements<std::optional<reservation_record>, reservation_record>());
}
