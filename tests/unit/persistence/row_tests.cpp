// Typed access to result rows and the dialect fragments (no database needed).
#include "persistence/dialect.hpp"
#include "persistence/row.hpp"
#include "tests/unit/persistence/backend.hpp"

#include <catch2/catch.hpp>

#include <limits>

using namespace askpro::persistence;
using askpro::errc;
using askpro::test::expect_error;
using askpro::test::expect_ok;

namespace {

row sample() {
  auto names = std::make_shared<const std::vector<std::string>>(
      std::vector<std::string>{"id", "price", "name", "data", "missing", "total"});
  return row{names,
             {value{int64_t{42}}, value{2.5}, value{"Jürgen"}, value{bytes{0, 1, 0}}, value{},
              value{"1234"}}};
}

}  // namespace

TEST_CASE("row: typed getters by index and by column name", "[persistence][row]") {
  auto r = sample();
  CHECK(expect_ok(r.get<int64_t>(0)) == 42);
  CHECK(expect_ok(r.get<int64_t>("id")) == 42);
  CHECK(expect_ok(r.get<int>("id")) == 42);
  CHECK(expect_ok(r.get<bool>("id")));
  CHECK(expect_ok(r.get<double>("price")) == 2.5);
  CHECK(expect_ok(r.get<std::string>("name")) == "Jürgen");
  CHECK(expect_ok(r.get<bytes>("data")) == bytes{0, 1, 0});
}

TEST_CASE("row: NULL is an error for get and nullopt for nullable", "[persistence][row]") {
  auto r = sample();
  auto err = expect_error(r.get<int64_t>("missing"), errc::storage);
  CHECK(askpro::describe(err).find("'missing' is NULL") != std::string::npos);
  CHECK_FALSE(expect_ok(r.nullable<int64_t>("missing")).has_value());
  CHECK(expect_ok(r.nullable<int64_t>("id")) == std::optional<int64_t>{42});
}

TEST_CASE("row: unknown columns and wrong types are errors naming the column",
          "[persistence][row]") {
  auto r = sample();
  auto unknown = expect_error(r.get<int64_t>("nope"), errc::storage);
  CHECK(askpro::describe(unknown).find("nope") != std::string::npos);
  expect_error(r.get<int64_t>(17), errc::storage);
  auto wrong = expect_error(r.get<int64_t>("name"), errc::storage);
  CHECK(askpro::describe(wrong).find("'name'") != std::string::npos);
  expect_error(r.get<std::string>("id"), errc::storage);
  expect_error(r.get<bytes>("price"), errc::storage);
}

TEST_CASE("row: exact numeric text (MySQL DECIMAL) converts, inexact does not",
          "[persistence][row]") {
  auto names = std::make_shared<const std::vector<std::string>>(
      std::vector<std::string>{"sum", "avg", "big"});
  row r{names, {value{"1234"}, value{"12.5000"}, value{"99999999999"}}};
  CHECK(expect_ok(r.get<int64_t>("sum")) == 1234);
  CHECK(expect_ok(r.get<double>("avg")) == 12.5);
  expect_error(r.get<int64_t>("avg"), errc::storage);
  CHECK(expect_ok(r.get<int64_t>("big")) == 99999999999);
  expect_error(r.get<int>("big"), errc::storage);  // out of int range
  row whole{names, {value{"7.000"}, value{}, value{}}};
  CHECK(expect_ok(whole.get<int64_t>("sum")) == 7);
}

TEST_CASE("result_set: first() of an empty result is not_found", "[persistence][row]") {
  result_set empty;
  expect_error(empty.first(), errc::not_found);
}

TEST_CASE("value: integers of every width and optionals bind as expected", "[persistence][row]") {
  CHECK(value{uint16_t{7}}.type() == value_type::integer);
  CHECK(*value{std::numeric_limits<int64_t>::min()}.if_integer() ==
        std::numeric_limits<int64_t>::min());
  CHECK(*value{true}.if_integer() == 1);
  CHECK(value{std::optional<int>{}}.is_null());
  CHECK(*value{std::optional<std::string>{"x"}}.if_text() == "x");
  CHECK(value{nullptr}.is_null());
}

TEST_CASE("dialect: fragments differ where the databases differ", "[persistence][dialect]") {
  const auto& s = sqlite_dialect();
  const auto& m = mysql_dialect();
  CHECK(s.name == "sqlite");
  CHECK(m.name == "mysql");
  CHECK(s.for_update.empty());
  CHECK(m.for_update == " FOR UPDATE");
  CHECK(m.skip_locked == " SKIP LOCKED");
  CHECK(s.begin_transaction == "BEGIN IMMEDIATE");
  CHECK(s.transactional_ddl);
  CHECK_FALSE(m.transactional_ddl);
  CHECK(s.upsert({"a", "b"}, {"x"}) == " ON CONFLICT (a, b) DO UPDATE SET x = excluded.x");
  CHECK(m.upsert({"a", "b"}, {"x", "y"}) ==
        " ON DUPLICATE KEY UPDATE x = VALUES(x), y = VALUES(y)");
  CHECK(s.on_conflict_do_nothing({"a"}) == " ON CONFLICT (a) DO NOTHING");
  CHECK(m.on_conflict_do_nothing({"a"}) == " ON DUPLICATE KEY UPDATE a = a");
}
