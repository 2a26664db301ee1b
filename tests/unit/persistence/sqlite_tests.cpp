// SQLite-specific guarantees: configuration, durability across a process crash, busy timeout.
#include "persistence/migrate.hpp"
#include "persistence/sqlite/sqlite_connection.hpp"
#include "persistence/transaction.hpp"
#include "tests/unit/persistence/backend.hpp"

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

using namespace askpro::persistence;
using namespace std::chrono_literals;
using askpro::errc;
using askpro::test::backend;
using askpro::test::expect_error;
using askpro::test::expect_ok;
using askpro::test::with_sqlite;

namespace {

std::string pragma(connection& c, const std::string& name) {
  auto rows = expect_ok(c.query("PRAGMA " + name));
  REQUIRE(rows.size() == 1);
  const auto& v = rows[0].at(0);
  return v.if_integer() != nullptr ? std::to_string(*v.if_integer()) : *v.if_text();
}

const char* insert_sql =
    "INSERT INTO webhook_inbox (provider, external_id, event, payload, received_at) "
    "VALUES ('crash', ?, 'e', '{}', 1)";

}  // namespace

TEST_CASE("sqlite: WAL, synchronous=FULL, foreign keys and busy timeout, parent dir created",
          "[persistence][sqlite]") {
  with_sqlite([](backend& db) {
    auto path = std::filesystem::path{db.settings().sqlite_path};
    REQUIRE_FALSE(std::filesystem::exists(path.parent_path()));
    auto conn = db.connect();
    CHECK(std::filesystem::exists(path));
    CHECK(pragma(*conn, "journal_mode") == "wal");
    CHECK(pragma(*conn, "synchronous") == "2");
    CHECK(pragma(*conn, "foreign_keys") == "1");
    CHECK(pragma(*conn, "busy_timeout") == "5000");
    auto reader = db.connect(true);
    CHECK(pragma(*reader, "query_only") == "1");
  });
}

TEST_CASE("sqlite: an acknowledged write survives the writing process dying",
          "[persistence][sqlite]") {
  with_sqlite([](backend& db) {
    db.migrated();
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      // The child writes in autocommit and dies without closing anything (no destructors).
      auto conn = open(db.settings());
      bool ok = conn && (*conn)->execute(insert_sql, {"acknowledged"});
      ::_exit(ok ? 0 : 3);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    auto rows = expect_ok(db.connect()->query("SELECT external_id FROM webhook_inbox"));
    REQUIRE(rows.size() == 1);
    CHECK(expect_ok(rows[0].get<std::string>(0)) == "acknowledged");
  });
}

TEST_CASE("sqlite: data written, closed and reopened is present", "[persistence][sqlite]") {
  with_sqlite([](backend& db) {
    {
      auto conn = db.migrated();
      auto tx = expect_ok(transaction::begin(*conn));
      expect_ok(conn->execute(insert_sql, {"committed"}));
      expect_ok(tx.commit());
    }
    auto rows = expect_ok(db.connect()->query("SELECT external_id FROM webhook_inbox"));
    REQUIRE(rows.size() == 1);
  });
}

TEST_CASE("sqlite: a writer locked out beyond the busy timeout gets unavailable",
          "[persistence][sqlite]") {
  with_sqlite([](backend& db) {
    auto holder = db.migrated();
    auto tx = expect_ok(transaction::begin(*holder));
    expect_ok(holder->execute(insert_sql, {"held"}));
    auto impatient = expect_ok(
        sqlite::sqlite_connection::open(db.settings().sqlite_path, sqlite::options{false, 50ms}));
    auto err = expect_error(impatient->begin(), errc::unavailable);
    CHECK(askpro::describe(err).find("locked") != std::string::npos);
    auto reader = db.connect(true);  // WAL: readers are not blocked by the writer
    CHECK(expect_ok(reader->query("SELECT COUNT(*) FROM webhook_inbox")).size() == 1);
    expect_ok(tx.commit());
    expect_ok(impatient->begin());
    expect_ok(impatient->rollback());
  });
}

TEST_CASE("sqlite: a read-only connection refuses writes", "[persistence][sqlite]") {
  with_sqlite([](backend& db) {
    db.migrated();
    auto reader = db.connect(true);
    expect_error(reader->execute(insert_sql, {"nope"}), errc::storage);
  });
}

TEST_CASE("open: an unknown driver is a configuration error", "[persistence]") {
  askpro::config::storage_settings s;
  s.driver = "oracle";
  expect_error(open(s), errc::config);
}
