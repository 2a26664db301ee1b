// Races on both backends: many threads, each with its own connection, released at once by a
// gate. Exactly one claim on a slot may win; a reschedule is both-or-neither.
#include "persistence/database.hpp"
#include "persistence/migrate.hpp"
#include "persistence/repo/booking_repo.hpp"
#include "tests/unit/persistence/backend.hpp"
#include "tests/unit/persistence/domain_fixture.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>

using namespace askpro::persistence;
using askpro::test::booking;
using askpro::test::count_rows;
using askpro::test::expect_ok;
using askpro::test::minutes;
using askpro::test::t0;

namespace {

constexpr int64_t now = t0 - minutes(24 * 60);

/// What the racing threads saw.
struct tally {
  std::atomic<int> won{0}, existing{0}, taken{0}, failed{0};
  std::mutex mtx;
  std::string first_error;

  void add(const askpro::Result<claim_outcome<appointment_record>>& out) {
    if (!out) {
      ++failed;
      std::lock_guard<std::mutex> lock{mtx};
      if (first_error.empty()) first_error = askpro::describe(out.error());
      return;
    }
    ++(out->taken ? taken : out->existing ? existing : won);
  }
};

/// Runs `attempt(conn, i)` on `n` threads, each with its own connection, started together.
void race(askpro::test::backend& db, int n,
          const std::function<askpro::Result<claim_outcome<appointment_record>>(connection&, int)>&
              attempt,
          tally& out) {
  askpro::test::start_gate gate{n};
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i)
    threads.emplace_back([&, i] {
      auto conn = open(db.settings());
      gate.arrive_and_wait();
      if (!conn) return out.add(std::move(conn.error()));
      out.add(attempt(**conn, i));
    });
  for (auto& th : threads) th.join();
}

}  // namespace

PERSISTENCE_CASE("50 threads book the same slot: exactly one wins", "[booking][race]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  tally seen;
  race(
      db, 50,
      [&](connection& c, int) {
        return book(c, ids.scope(), booking(ids, t0, t0 + minutes(30), 10, 5), now);
      },
      seen);
  INFO(seen.first_error);
  CHECK(seen.failed == 0);
  CHECK(seen.won == 1);
  CHECK(seen.taken == 49);
  CHECK(count_rows(*conn, "appointments") == 1);
}

PERSISTENCE_CASE("50 threads book overlapping different intervals: exactly one wins",
                 "[booking][race]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  tally seen;
  // Starts spread over 24.5 minutes, 30 minutes long: any two meet. Distinct request keys make
  // each transaction read (and, on MySQL, take its snapshot) before it waits for the staff
  // lock: the overlap check must still see the winner's commit.
  race(
      db, 50,
      [&](connection& c, int i) {
        int64_t start = t0 + i * 30'000;
        auto req = booking(ids, start, start + minutes(30), 5, 5);
        req.request_key = "call-" + std::to_string(i);
        return book(c, ids.scope(), req, now);
      },
      seen);
  INFO(seen.first_error);
  CHECK(seen.failed == 0);
  CHECK(seen.won == 1);
  CHECK(seen.taken == 49);
  CHECK(count_rows(*conn, "appointments") == 1);
}

PERSISTENCE_CASE("50 threads repeat one request key: one row, the rest see it", "[booking][race]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  tally seen;
  race(
      db, 50,
      [&](connection& c, int) {
        auto req = booking(ids, t0, t0 + minutes(30));
        req.request_key = "call-7/cut/0900";
        return book(c, ids.scope(), req, now);
      },
      seen);
  INFO(seen.first_error);
  CHECK(seen.failed == 0);
  CHECK(seen.won == 1);
  CHECK(seen.existing == 49);
  CHECK(count_rows(*conn, "appointments") == 1);
}

PERSISTENCE_CASE("20 concurrent reschedules of two appointments into one slot: one moves",
                 "[booking][race]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  auto a = expect_ok(book(*conn, ids.scope(), booking(ids, t0, t0 + minutes(30)), now)).record;
  auto b =
      expect_ok(book(*conn, ids.scope(), booking(ids, t0 + minutes(60), t0 + minutes(90)), now))
          .record;
  const int64_t slot = t0 + minutes(180);
  tally seen;
  race(
      db, 20,
      [&](connection& c, int i) {
        reschedule_request move{i % 2 == 0 ? a.id : b.id, 0, slot, slot + minutes(30), {}, true};
        return reschedule_appointment(c, ids.scope(), move, now + 1);
      },
      seen);
  INFO(seen.first_error);
  CHECK(seen.failed == 0);
  CHECK(seen.won == 1);
  // The winner's 9 repeats find its successor; the other appointment's 10 tries are taken.
  CHECK(seen.existing == 9);
  CHECK(seen.taken == 10);
  CHECK(count_rows(*conn, "appointments", "status = 'booked'") == 2);
  CHECK(count_rows(*conn, "appointments", "status = 'rescheduled'") == 1);
  auto moved =
      count_rows(*conn, "appointments", "status = 'booked' AND start_at = " + std::to_string(slot));
  CHECK(moved == 1);
  // The loser is still booked and unchanged.
  auto ra = expect_ok(find_appointment(*conn, ids.scope(), a.id));
  auto rb = expect_ok(find_appointment(*conn, ids.scope(), b.id));
  const auto& loser = ra->status == "booked" ? *ra : *rb;
  const auto& original = ra->status == "booked" ? a : b;
  CHECK(loser.start_at == original.start_at);
  CHECK(loser.updated_at == original.updated_at);
  CHECK((ra->status == "booked") != (rb->status == "booked"));
}

PERSISTENCE_CASE("cancel racing a reschedule leaves one consistent outcome", "[booking][race]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  auto a = expect_ok(book(*conn, ids.scope(), booking(ids, t0, t0 + minutes(30)), now)).record;
  std::atomic<int> cancelled{0}, moved{0}, refused{0};
  askpro::test::start_gate gate{2};
  std::thread canceller([&] {
    auto c = expect_ok(open(db.settings()));
    gate.arrive_and_wait();
    auto out = cancel_appointment(*c, ids.scope(), a.id, now + 1);
    ++(out ? cancelled : refused);
  });
  std::thread mover([&] {
    auto c = expect_ok(open(db.settings()));
    gate.arrive_and_wait();
    reschedule_request move{a.id, 0, t0 + minutes(60), t0 + minutes(90), {}, true};
    auto out = reschedule_appointment(*c, ids.scope(), move, now + 1);
    ++(out && !out->taken ? moved : refused);
  });
  canceller.join();
  mover.join();
  CHECK(cancelled + moved == 1);
  CHECK(refused == 1);
  auto old = expect_ok(find_appointment(*conn, ids.scope(), a.id));
  if (cancelled == 1) {
    CHECK(old->status == "cancelled");
    CHECK(count_rows(*conn, "appointments") == 1);
  } else {
    CHECK(old->status == "rescheduled");
    CHECK(count_rows(*conn, "appointments", "status = 'booked'") == 1);
  }
}
