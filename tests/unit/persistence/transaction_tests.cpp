// Transactions and the RAII guard, per backend (persistence/transaction.hpp).
#include "persistence/transaction.hpp"
#include "tests/unit/persistence/backend.hpp"

#include <catch2/catch.hpp>

using namespace askpro::persistence;
using askpro::errc;
using askpro::test::expect_error;
using askpro::test::expect_ok;

namespace {

void create_items(connection& conn) {
  expect_ok(conn.exec("CREATE TABLE items (id " + std::string{conn.sql_dialect().autoincrement_pk} +
                      ", name VARCHAR(64) NOT NULL UNIQUE)"));
}

int64_t count_items(connection& conn) {
  auto rows = expect_ok(conn.query("SELECT COUNT(*) FROM items"));
  return expect_ok(rows[0].get<int64_t>(0));
}

}  // namespace

PERSISTENCE_CASE("a committed transaction is visible to other connections", "") {
  auto writer = db.connect();
  auto reader = db.connect();
  create_items(*writer);
  auto tx = expect_ok(transaction::begin(*writer));
  expect_ok(writer->execute("INSERT INTO items (name) VALUES ('a')"));
  expect_ok(writer->execute("INSERT INTO items (name) VALUES ('b')"));
  CHECK(writer->in_transaction());
  CHECK(count_items(*reader) == 0);  // not yet committed
  expect_ok(tx.commit());
  CHECK_FALSE(tx.active());
  CHECK_FALSE(writer->in_transaction());
  CHECK(count_items(*reader) == 2);
}

PERSISTENCE_CASE("rollback discards, and a guard leaving scope rolls back", "") {
  auto conn = db.connect();
  create_items(*conn);
  {
    auto tx = expect_ok(transaction::begin(*conn));
    expect_ok(conn->execute("INSERT INTO items (name) VALUES ('explicit')"));
    expect_ok(tx.rollback());
  }
  {
    auto tx = expect_ok(transaction::begin(*conn));
    expect_ok(conn->execute("INSERT INTO items (name) VALUES ('scoped')"));
  }  // no commit: the destructor rolls back
  CHECK_FALSE(conn->in_transaction());
  CHECK(count_items(*conn) == 0);
  expect_ok(conn->execute("INSERT INTO items (name) VALUES ('after')"));  // autocommit again
  CHECK(count_items(*db.connect()) == 1);
}

PERSISTENCE_CASE("with_transaction commits on success and rolls back on error", "") {
  auto conn = db.connect();
  create_items(*conn);
  auto id = expect_ok(with_transaction(*conn, [](connection& c) -> askpro::Result<int64_t> {
    if (auto ok = c.execute("INSERT INTO items (name) VALUES ('kept')"); !ok) return ok.error();
    return c.last_insert_id();
  }));
  CHECK(id > 0);
  auto failed = with_transaction(*conn, [](connection& c) -> askpro::Result<void> {
    if (auto ok = c.execute("INSERT INTO items (name) VALUES ('dropped')"); !ok) return ok.error();
    return askpro::make_error(errc::slot_taken, "changed my mind");
  });
  expect_error(failed, errc::slot_taken);
  auto names = expect_ok(conn->query("SELECT name FROM items"));
  REQUIRE(names.size() == 1);
  CHECK(expect_ok(names[0].get<std::string>(0)) == "kept");
}

PERSISTENCE_CASE("misused transactions are reported, not ignored", "") {
  auto conn = db.connect();
  create_items(*conn);
  expect_error(conn->commit(), errc::invalid_argument);
  auto tx = expect_ok(transaction::begin(*conn));
  expect_error(transaction::begin(*conn), errc::invalid_argument);
  expect_ok(tx.commit());
  expect_error(tx.commit(), errc::invalid_argument);
}

PERSISTENCE_CASE("a conflict inside a transaction keeps the earlier statements", "") {
  auto conn = db.connect();
  create_items(*conn);
  auto tx = expect_ok(transaction::begin(*conn));
  expect_ok(conn->execute("INSERT INTO items (name) VALUES ('one')"));
  expect_error(conn->execute("INSERT INTO items (name) VALUES ('one')"), errc::conflict);
  expect_ok(conn->execute("INSERT INTO items (name) VALUES ('two')"));
  expect_ok(tx.commit());
  CHECK(count_items(*conn) == 2);
}

PERSISTENCE_CASE("last_insert_id returns the id of this connection's insert", "") {
  auto a = db.connect();
  auto b = db.connect();
  create_items(*a);
  expect_ok(a->execute("INSERT INTO items (name) VALUES ('a1')"));
  auto first = expect_ok(a->last_insert_id());
  expect_ok(b->execute("INSERT INTO items (name) VALUES ('b1')"));
  CHECK(expect_ok(a->last_insert_id()) == first);
  CHECK(expect_ok(b->last_insert_id()) == first + 1);
}
