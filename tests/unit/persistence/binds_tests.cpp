// Typed binds round-trip through each backend (persistence/connection.hpp).
#include "tests/unit/persistence/backend.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace askpro::persistence;
using askpro::errc;
using askpro::test::expect_error;
using askpro::test::expect_ok;

namespace {

/// A table with one column of each kind, built from the dialect's type names.
void create_values_table(connection& conn) {
  const auto& d = conn.sql_dialect();
  expect_ok(conn.exec("CREATE TABLE vals (id " + std::string{d.autoincrement_pk} +
                      ", i BIGINT, r DOUBLE, s " + std::string{d.text_type} + ", b " +
                      std::string{d.blob_type} + ")"));
}

row insert_and_read(connection& conn, std::vector<value> binds) {
  expect_ok(conn.execute("INSERT INTO vals (i, r, s, b) VALUES (?, ?, ?, ?)", binds));
  auto id = expect_ok(conn.last_insert_id());
  auto rows = expect_ok(conn.query("SELECT i, r, s, b FROM vals WHERE id = ?", {id}));
  REQUIRE(rows.size() == 1);
  return rows[0];
}

bytes all_byte_values() {
  bytes out;
  for (int i = 0; i < 256; ++i) out.push_back(static_cast<uint8_t>(i));
  out.push_back(0);
  return out;
}

}  // namespace

PERSISTENCE_CASE("typed binds round-trip: extremes, UTF-8, NUL bytes", "") {
  auto conn = db.connect();
  create_values_table(*conn);
  const std::string text = "Grüße aus Köln: ÄÖÜ äöü ß – “quotes” 😀";
  for (int64_t i : {std::numeric_limits<int64_t>::min(), int64_t{-1}, int64_t{0},
                    std::numeric_limits<int64_t>::max()}) {
    auto r = insert_and_read(*conn, {i, 0.0, "", bytes{}});
    CHECK(expect_ok(r.get<int64_t>("i")) == i);
  }
  for (double x : {0.1, -2.5e-300, 1.7976931348623157e308, M_PI, 4.9e-324}) {
    auto r = insert_and_read(*conn, {0, x, "", bytes{}});
    CHECK(expect_ok(r.get<double>("r")) == x);
  }
  auto r = insert_and_read(*conn, {1, 1.0, text, all_byte_values()});
  CHECK(expect_ok(r.get<std::string>("s")) == text);
  CHECK(expect_ok(r.get<bytes>("b")) == all_byte_values());
  auto empty = insert_and_read(*conn, {1, 1.0, "", bytes{}});
  CHECK(expect_ok(empty.get<std::string>("s")).empty());
  CHECK(expect_ok(empty.get<bytes>("b")).empty());
}

PERSISTENCE_CASE("NULL binds and reads back as NULL in every column type", "") {
  auto conn = db.connect();
  create_values_table(*conn);
  auto r = insert_and_read(*conn, {nullptr, value{}, std::optional<std::string>{}, value{}});
  for (std::size_t i = 0; i < 4; ++i) CHECK(r.at(i).is_null());
  CHECK_FALSE(expect_ok(r.nullable<std::string>("s")).has_value());
  expect_error(r.get<int64_t>("i"), errc::storage);
}

PERSISTENCE_CASE("a prepared statement runs again with new binds", "") {
  auto conn = db.connect();
  create_values_table(*conn);
  auto insert = expect_ok(conn->prepare("INSERT INTO vals (i, s) VALUES (?, ?)"));
  for (int i = 0; i < 5; ++i) {
    insert.clear_bindings();
    CHECK(expect_ok(insert.bind(i).bind("n" + std::to_string(i)).execute()) == 1);
  }
  auto select = expect_ok(conn->prepare("SELECT s FROM vals WHERE i >= ? ORDER BY i"));
  auto rows = expect_ok(select.bind(3).query());
  REQUIRE(rows.size() == 2);
  CHECK(expect_ok(rows[1].get<std::string>("s")) == "n4");
  CHECK(rows.columns() == std::vector<std::string>{"s"});
}

PERSISTENCE_CASE("wrong parameter counts and bad SQL are errors, not crashes", "") {
  auto conn = db.connect();
  create_values_table(*conn);
  expect_error(conn->execute("INSERT INTO vals (i) VALUES (?)", {1, 2}), errc::invalid_argument);
  expect_error(conn->execute("INSERT INTO vals (i) VALUES (?)", {}), errc::invalid_argument);
  expect_error(conn->query("SELEKT nonsense"), errc::storage);
  expect_error(conn->prepare("SELECT * FROM no_such_table"), errc::storage);
  CHECK_FALSE(conn->exec("CREATE TABLE a1 (x INT); CREATE TABLE a2 (x INT)"));  // one at a time
  CHECK_FALSE(conn->query("SELECT * FROM a2"));
  CHECK(expect_ok(conn->query("SELECT COUNT(*) AS n FROM vals")).size() == 1);
}

PERSISTENCE_CASE("affected rows count matched rows, also when values do not change", "") {
  auto conn = db.connect();
  create_values_table(*conn);
  for (int i = 0; i < 3; ++i) expect_ok(conn->execute("INSERT INTO vals (i) VALUES (7)"));
  CHECK(expect_ok(conn->execute("UPDATE vals SET i = 7 WHERE i = 7")) == 3);
  CHECK(expect_ok(conn->execute("DELETE FROM vals WHERE i = 8")) == 0);
  CHECK(expect_ok(conn->execute("DELETE FROM vals WHERE i = 7")) == 3);
}

PERSISTENCE_CASE("aggregates read as integers and doubles on both drivers", "") {
  auto conn = db.connect();
  create_values_table(*conn);
  for (int i = 1; i <= 4; ++i) expect_ok(conn->execute("INSERT INTO vals (i) VALUES (?)", {i}));
  auto r = expect_ok(expect_ok(conn->query("SELECT SUM(i) AS s, COUNT(*) AS n, AVG(i) AS a, "
                                           "MAX(i) AS m FROM vals"))
                         .first());
  CHECK(expect_ok(r.get<int64_t>("s")) == 10);
  CHECK(expect_ok(r.get<int64_t>("n")) == 4);
  CHECK(expect_ok(r.get<double>("a")) == 2.5);
  CHECK(expect_ok(r.get<int>("m")) == 4);
}
