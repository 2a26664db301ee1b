// Concurrent writers on separate connections, per backend.
#include "persistence/migrate.hpp"
#include "persistence/transaction.hpp"
#include "tests/unit/persistence/backend.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>
#include <thread>

using namespace askpro::persistence;
using askpro::test::expect_ok;

PERSISTENCE_CASE("concurrent writers: 8 connections x 50 inserts, all rows, no errors", "") {
  db.migrated();
  std::vector<std::unique_ptr<connection>> conns;
  for (int t = 0; t < 8; ++t) conns.push_back(db.connect());
  std::atomic<int> failures{0};
  std::mutex mtx;
  std::string first_error;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        auto r = conns[t]->execute(
            "INSERT INTO webhook_inbox (provider, external_id, event, payload, received_at) "
            "VALUES ('load', ?, 'e', '{}', ?)",
            {std::to_string(t) + "-" + std::to_string(i), i});
        if (r && *r == 1) continue;
        ++failures;
        std::lock_guard<std::mutex> lock{mtx};
        if (first_error.empty()) first_error = r ? "affected != 1" : askpro::describe(r.error());
      }
    });
  for (auto& th : threads) th.join();
  INFO(first_error);
  CHECK(failures == 0);
  auto rows =
      expect_ok(db.connect()->query("SELECT COUNT(DISTINCT external_id) FROM webhook_inbox"));
  CHECK(expect_ok(rows[0].get<int64_t>(0)) == 400);
}

PERSISTENCE_CASE("concurrent read-modify-write transactions lose no update", "") {
  auto setup = db.migrated();
  expect_ok(setup->exec("CREATE TABLE counters (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)"));
  expect_ok(setup->execute("INSERT INTO counters (id, n) VALUES (1, 0)"));
  const std::string lock_row =
      "SELECT n FROM counters WHERE id = 1" + std::string{setup->sql_dialect().for_update};
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      auto conn = open(db.settings());
      if (!conn) return void(failures += 25);
      for (int i = 0; i < 25; ++i) {
        auto done = with_transaction(**conn, [&](connection& c) -> askpro::Result<int64_t> {
          auto rs = c.query(lock_row);
          if (!rs) return std::move(rs.error());
          auto n = (*rs)[0].get<int64_t>(0);
          if (!n) return n;
          return c.execute("UPDATE counters SET n = ? WHERE id = 1", {*n + 1});
        });
        if (!done) ++failures;
      }
    });
  for (auto& th : threads) th.join();
  CHECK(failures == 0);
  auto rows = expect_ok(setup->query("SELECT n FROM counters WHERE id = 1"));
  CHECK(expect_ok(rows[0].get<int64_t>(0)) == 100);
}
