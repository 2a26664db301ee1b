// Splitting migration scripts into statements (persistence/sql_text.hpp).
#include "persistence/sql_text.hpp"
#include "tests/unit/persistence/backend.hpp"

#include <catch2/catch.hpp>

using askpro::persistence::split_options;
using askpro::persistence::split_statements;
using askpro::test::expect_ok;

TEST_CASE("split: semicolons end statements, blanks and comments are dropped",
          "[persistence][sql]") {
  auto parts =
      expect_ok(split_statements("-- header\nCREATE TABLE a (x INT);\n\n"
                                 "/* block; comment */ INSERT INTO a VALUES (1);\n"
                                 "-- trailing comment only\n"));
  REQUIRE(parts.size() == 2);
  CHECK(parts[0] == "CREATE TABLE a (x INT)");
  CHECK(parts[1] == "INSERT INTO a VALUES (1)");
}

TEST_CASE("split: delimiters inside quotes do not split", "[persistence][sql]") {
  auto parts = expect_ok(
      split_statements("INSERT INTO t VALUES ('a;b', \"c;d\", `e;f`, 'it''s; fine');SELECT 2"));
  REQUIRE(parts.size() == 2);
  CHECK(parts[0] == "INSERT INTO t VALUES ('a;b', \"c;d\", `e;f`, 'it''s; fine')");
  CHECK(parts[1] == "SELECT 2");
}

TEST_CASE("split: backslash escapes only with the MySQL option", "[persistence][sql]") {
  auto mysql = expect_ok(split_statements("SELECT 'a\\';b';SELECT 3", split_options{true, true}));
  REQUIRE(mysql.size() == 2);
  CHECK(mysql[0] == "SELECT 'a\\';b'");
  auto sqlite = expect_ok(split_statements("SELECT 'C:\\';SELECT 3"));
  REQUIRE(sqlite.size() == 2);
  CHECK(sqlite[0] == "SELECT 'C:\\'");
}

TEST_CASE("split: DELIMITER lines allow trigger bodies with semicolons", "[persistence][sql]") {
  auto parts =
      expect_ok(split_statements("CREATE TABLE t (x INT);\n"
                                 "DELIMITER $$\n"
                                 "CREATE TRIGGER g BEFORE DELETE ON t FOR EACH ROW\n"
                                 "BEGIN SELECT 1; SELECT 2; END$$\n"
                                 "DELIMITER ;\n"
                                 "SELECT 4;"));
  REQUIRE(parts.size() == 3);
  CHECK(parts[1] ==
        "CREATE TRIGGER g BEFORE DELETE ON t FOR EACH ROW\nBEGIN SELECT 1; SELECT 2; END");
  CHECK(parts[2] == "SELECT 4");
}

TEST_CASE("split: a column named delimiter inside a statement is not a directive",
          "[persistence][sql]") {
  auto parts = expect_ok(split_statements("CREATE TABLE t (\n  delimiter INT\n);"));
  REQUIRE(parts.size() == 1);
}

TEST_CASE("split: '#' comments only with the MySQL option", "[persistence][sql]") {
  auto mysql = expect_ok(split_statements("# note; here\nSELECT 1;", split_options{true, true}));
  REQUIRE(mysql.size() == 1);
  CHECK(mysql[0] == "SELECT 1");
}

TEST_CASE("split: unterminated quotes and comments are errors", "[persistence][sql]") {
  CHECK(askpro::code_of(split_statements("SELECT 'open").error()) ==
        askpro::errc::invalid_argument);
  CHECK(askpro::code_of(split_statements("SELECT 1 /* open").error()) ==
        askpro::errc::invalid_argument);
}

TEST_CASE("sql_excerpt collapses whitespace and cuts long SQL", "[persistence][sql]") {
  CHECK(askpro::persistence::sql_excerpt("  SELECT\n\t a,\n  b  FROM t ") == "SELECT a, b FROM t");
  auto longer = askpro::persistence::sql_excerpt(std::string(200, 'x'));
  CHECK(longer.size() < 100);
  std::string umlauts;
  for (int i = 0; i < 100; ++i) umlauts += "ä";  // two bytes each: never cut in half
  auto cut = askpro::persistence::sql_excerpt(umlauts);
  CHECK(cut.size() < umlauts.size());
  CHECK(cut.substr(0, cut.size() - std::string{"…"}.size()).size() % 2 == 0);
}
