// Constraint violations come back as errc::conflict with a clear detail, per backend.
#include "persistence/migrate.hpp"
#include "tests/unit/persistence/backend.hpp"

#include <catch2/catch.hpp>

using namespace askpro::persistence;
using askpro::errc;
using askpro::test::expect_error;
using askpro::test::expect_ok;

namespace {

const char* insert_inbox =
    "INSERT INTO webhook_inbox (provider, external_id, event, payload, received_at) "
    "VALUES (?, ?, ?, ?, ?)";

void create_parent_child(connection& conn) {
  const std::string pk{conn.sql_dialect().autoincrement_pk};
  expect_ok(conn.exec("CREATE TABLE parents (id " + pk + ")"));
  expect_ok(conn.exec("CREATE TABLE children (id " + pk + ", parent_id BIGINT NOT NULL, " +
                      "FOREIGN KEY (parent_id) REFERENCES parents (id))"));
}

}  // namespace

PERSISTENCE_CASE("a duplicate webhook event is a conflict and leaves one row", "") {
  auto conn = db.migrated();
  std::vector<value> event{"retell", "call_8f2", "call_ended", "{\"phone\":\"+4930123\"}", 1};
  expect_ok(conn->execute(insert_inbox, event));
  auto err = expect_error(conn->execute(insert_inbox, event), errc::conflict);
  auto detail = askpro::describe(err);
  CHECK(detail.find("webhook_inbox") != std::string::npos);
  CHECK(detail.find("+4930123") == std::string::npos);  // values never appear in details
  CHECK(detail.find("call_8f2") == std::string::npos);
  event[2] = "call_analyzed";  // another event of the same call is new
  expect_ok(conn->execute(insert_inbox, event));
  auto rows = expect_ok(conn->query("SELECT COUNT(*) FROM webhook_inbox"));
  CHECK(expect_ok(rows[0].get<int64_t>(0)) == 2);
}

PERSISTENCE_CASE("NOT NULL and FOREIGN KEY violations are conflicts", "") {
  auto conn = db.migrated();
  expect_error(conn->execute(insert_inbox, {"stripe", "evt_1", nullptr, "{}", 1}), errc::conflict);
  create_parent_child(*conn);
  auto fk = expect_error(conn->execute("INSERT INTO children (parent_id) VALUES (?)", {999}),
                         errc::conflict);
  CHECK(askpro::describe(fk).find("FOREIGN KEY") != std::string::npos);
  expect_ok(conn->execute("INSERT INTO parents (id) VALUES (1)"));
  expect_ok(conn->execute("INSERT INTO children (parent_id) VALUES (1)"));
  expect_error(conn->execute("DELETE FROM parents WHERE id = 1"), errc::conflict);
  CHECK(expect_ok(conn->query("SELECT 1")).size() == 1);  // the connection is still fine
}

PERSISTENCE_CASE("upsert updates the existing row, do-nothing keeps it", "") {
  auto conn = db.migrated();
  const auto& d = conn->sql_dialect();
  const std::string insert =
      "INSERT INTO webhook_inbox (provider, external_id, event, payload, "
      "received_at) VALUES (?, ?, ?, ?, ?)";
  const std::vector<std::string> key{"provider", "external_id", "event"};
  expect_ok(conn->execute(insert + d.upsert(key, {"payload"}), {"p", "x", "e", "first", 1}));
  expect_ok(conn->execute(insert + d.upsert(key, {"payload"}), {"p", "x", "e", "second", 2}));
  expect_ok(conn->execute(insert + d.on_conflict_do_nothing(key), {"p", "x", "e", "third", 3}));
  auto rows = expect_ok(conn->query("SELECT payload, received_at FROM webhook_inbox"));
  REQUIRE(rows.size() == 1);
  CHECK(expect_ok(rows[0].get<std::string>("payload")) == "second");
  CHECK(expect_ok(rows[0].get<int64_t>("received_at")) == 1);
}
