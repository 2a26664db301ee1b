// MySQL/MariaDB-specific behaviour: reconnecting after a lost session, lock wait timeouts.
#include "persistence/migrate.hpp"
#include "persistence/mysql/mysql_connection.hpp"
#include "persistence/transaction.hpp"
#include "tests/support/services.hpp"
#include "tests/unit/persistence/backend.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

using namespace askpro::persistence;
using namespace std::chrono_literals;
using askpro::errc;
using askpro::test::expect_error;
using askpro::test::expect_ok;

namespace {

int64_t session_id(connection& c) {
  auto rows = expect_ok(c.query("SELECT CONNECTION_ID()"));
  return expect_ok(rows[0].get<int64_t>(0));
}

void kill_session(connection& killer, int64_t id) {
  expect_ok(killer.exec("KILL CONNECTION " + std::to_string(id)));
}

}  // namespace

TEST_CASE("mysql: a read after the session was killed reconnects and succeeds",
          "[persistence][mysql]") {
  askpro::test::with_mysql([](askpro::test::backend& db) {
    auto conn = db.migrated();
    auto killer = db.connect();
    auto before = session_id(*conn);
    kill_session(*killer, before);
    auto after = session_id(*conn);  // retried once on a fresh session
    CHECK(after != before);
    CHECK(dynamic_cast<mysql::mysql_connection&>(*conn).reconnects() == 1);
  });
}

TEST_CASE("mysql: a write on a killed session is unavailable, the next one works",
          "[persistence][mysql]") {
  askpro::test::with_mysql([](askpro::test::backend& db) {
    auto conn = db.migrated();
    auto killer = db.connect();
    kill_session(*killer, session_id(*conn));
    const char* insert =
        "INSERT INTO webhook_inbox (provider, external_id, event, payload, "
        "received_at) VALUES ('k', ?, 'e', '{}', 1)";
    expect_error(conn->execute(insert, {"lost"}), errc::unavailable);
    CHECK(expect_ok(conn->execute(insert, {"kept"})) == 1);
  });
}

TEST_CASE("mysql: a transaction whose session died fails until rolled back",
          "[persistence][mysql]") {
  askpro::test::with_mysql([](askpro::test::backend& db) {
    auto conn = db.migrated();
    auto killer = db.connect();
    const char* insert =
        "INSERT INTO webhook_inbox (provider, external_id, event, payload, "
        "received_at) VALUES ('tx', ?, 'e', '{}', 1)";
    {
      auto tx = expect_ok(transaction::begin(*conn));
      expect_ok(conn->execute(insert, {"in-tx"}));
      kill_session(*killer, session_id(*conn));
      expect_error(conn->execute(insert, {"during"}), errc::unavailable);
      expect_error(conn->execute(insert, {"still"}), errc::unavailable);  // not autocommitted
      CHECK(conn->in_transaction());
    }  // the guard rolls back
    CHECK_FALSE(conn->in_transaction());
    auto rows = expect_ok(conn->query("SELECT COUNT(*) FROM webhook_inbox"));
    CHECK(expect_ok(rows[0].get<int64_t>(0)) == 0);
  });
}

TEST_CASE("mysql: waiting for a row lock beyond the timeout is unavailable",
          "[persistence][mysql]") {
  askpro::test::with_mysql([](askpro::test::backend& db) {
    auto holder = db.migrated();
    expect_ok(holder->exec("CREATE TABLE lock_probe (id BIGINT PRIMARY KEY, name VARCHAR(20))"));
    expect_ok(holder->execute("INSERT INTO lock_probe VALUES (1, 'anna')"));
    auto p = mysql::params_of(db.settings());
    p.lock_wait_timeout = 1s;
    auto waiter = expect_ok(mysql::mysql_connection::open(p));
    auto tx = expect_ok(transaction::begin(*holder));
    expect_ok(holder->query("SELECT id FROM lock_probe WHERE id = 1" +
                            std::string{holder->sql_dialect().for_update}));
    auto wait_tx = expect_ok(transaction::begin(*waiter));
    auto err = expect_error(waiter->execute("UPDATE lock_probe SET name = 'x' WHERE id = 1"),
                            errc::unavailable);
    CHECK(askpro::describe(err).find("1205") != std::string::npos);
    expect_ok(wait_tx.rollback());
    expect_ok(tx.commit());
  });
}

TEST_CASE("mysql: an unreachable server is unavailable", "[persistence][mysql]") {
  auto s = askpro::test::mysql_settings(
      {"127.0.0.1", askpro::test::closed_port(), "askpro", "x", "x"}, "x");
  expect_error(open(s), errc::unavailable);
}
