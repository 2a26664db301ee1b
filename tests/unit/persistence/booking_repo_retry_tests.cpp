// MariaDB: a booking that loses a lock wait is retried as a whole transaction.
#include "persistence/database.hpp"
#include "persistence/repo/booking_repo.hpp"
#include "persistence/transaction.hpp"
#include "tests/unit/persistence/backend.hpp"
#include "tests/unit/persistence/domain_fixture.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <optional>
#include <thread>

using namespace askpro::persistence;
using askpro::test::booking;
using askpro::test::expect_ok;
using askpro::test::minutes;
using askpro::test::t0;

namespace {

/// The query id of the statement session `session` runs while it waits for the staff row lock,
/// if it does (no REQUIRE: a thread is running while this is polled). Every retry of the
/// transaction runs that statement anew, under a new query id.
std::optional<int64_t> waiting_statement(connection& monitor, int64_t session) {
  auto rs = monitor.query(
      "SELECT QUERY_ID FROM information_schema.PROCESSLIST "
      "WHERE ID = ? AND INFO LIKE 'SELECT id FROM staff %FOR UPDATE'",
      {session});
  if (!rs || rs->empty()) return std::nullopt;
  auto id = (*rs)[0].get<int64_t>(0);
  if (!id) return std::nullopt;
  return *id;
}

/// Polls until `session` waits for the staff lock in a statement other than `not_` (30 s).
std::optional<int64_t> next_waiter(connection& monitor, int64_t session,
                                   std::optional<int64_t> not_) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{30};
  while (std::chrono::steady_clock::now() < deadline) {
    auto id = waiting_statement(monitor, session);
    if (id && id != not_) return id;
    std::this_thread::sleep_for(std::chrono::milliseconds{20});
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("a booking that times out on the staff lock is retried - mysql",
          "[persistence][mysql][booking]") {
  askpro::test::with_mysql([](askpro::test::backend& db) {
    auto holder = db.migrated();
    auto ids = askpro::test::insert_domain(*holder, "acme");
    auto monitor = db.connect();
    auto booker = db.connect();
    expect_ok(booker->exec("SET SESSION innodb_lock_wait_timeout = 1"));
    auto session = expect_ok(expect_ok(booker->query("SELECT CONNECTION_ID()"))[0].get<int64_t>(0));
    // Another transaction holds the staff row.
    auto tx = expect_ok(transaction::begin(*holder));
    expect_ok(holder->query("SELECT id FROM staff WHERE id = ? FOR UPDATE", {ids.staff}));
    std::optional<askpro::Result<claim_outcome<appointment_record>>> out;
    std::thread th([&] {
      out = book(*booker, ids.scope(), booking(ids, t0, t0 + minutes(30)), t0 - minutes(60));
    });
    // A second wait, in a new statement after the first timed out: the booking was retried.
    auto first = next_waiter(*monitor, session, std::nullopt);
    auto second = next_waiter(*monitor, session, first);
    auto released = tx.rollback();
    th.join();
    CHECK(first);
    CHECK(second);
    expect_ok(std::move(released));
    REQUIRE(out);
    auto booked = expect_ok(std::move(*out));
    CHECK_FALSE(booked.taken);
    CHECK(askpro::test::count_rows(*holder, "appointments") == 1);
  });
}
