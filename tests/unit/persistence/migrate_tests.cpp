// Versioned migrations, per backend (persistence/migrate.hpp).
#include "persistence/migrate.hpp"
#include "tests/unit/persistence/backend.hpp"

#include <catch2/catch.hpp>

#include <thread>

using namespace askpro::persistence;
using askpro::errc;
using askpro::test::expect_error;
using askpro::test::expect_ok;

TEST_CASE("migrations: both dialects embed the same versions and names", "[persistence]") {
  auto sqlite = expect_ok(migrations_for(dialect_kind::sqlite));
  auto mysql = expect_ok(migrations_for(dialect_kind::mysql));
  REQUIRE_FALSE(sqlite.empty());
  REQUIRE(sqlite.size() == mysql.size());
  for (std::size_t i = 0; i < sqlite.size(); ++i) {
    CHECK(sqlite[i].version == static_cast<int>(i + 1));
    CHECK(sqlite[i].version == mysql[i].version);
    CHECK(sqlite[i].name == mysql[i].name);
  }
  CHECK(sqlite.front().name == "base");
}

PERSISTENCE_CASE("migrations apply in order, record themselves and are idempotent", "") {
  auto conn = db.connect();
  auto expected = expect_ok(migrations_for(conn->sql_dialect().kind));
  CHECK(expect_ok(applied_versions(*conn)).empty());

  CHECK(expect_ok(migrate(*conn)) == static_cast<int>(expected.size()));
  CHECK(expect_ok(migrate(*conn)) == 0);
  auto again = db.connect();  // a second node starting later
  CHECK(expect_ok(migrate(*again)) == 0);
  CHECK(expect_ok(migrate(db.settings())) == 0);  // `askpro migrate` on a current schema

  auto rows =
      expect_ok(conn->query("SELECT version, name, applied_at FROM schema_migrations "
                            "ORDER BY version"));
  REQUIRE(rows.size() == expected.size());
  CHECK(expect_ok(rows[0].get<int>("version")) == 1);
  CHECK(expect_ok(rows[0].get<std::string>("name")) == "base");
  CHECK(expect_ok(rows[0].get<int64_t>("applied_at")) > 1700000000000);  // Unix ms, not s
}

PERSISTENCE_CASE("the base migration creates the inbox and audit tables", "") {
  auto conn = db.migrated();
  expect_ok(
      conn->execute("INSERT INTO webhook_inbox (provider, external_id, event, payload, "
                    "received_at) VALUES (?, ?, ?, ?, ?)",
                    {"stripe", "evt_1", "charge.refunded", "{}", int64_t{1}}));
  auto inbox = expect_ok(conn->query("SELECT id, processed_at FROM webhook_inbox"));
  REQUIRE(inbox.size() == 1);
  CHECK_FALSE(expect_ok(inbox[0].nullable<int64_t>("processed_at")).has_value());

  expect_ok(
      conn->execute("INSERT INTO audit_events (company_id, actor, action, correlation_id, "
                    "payload, created_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    {nullptr, "ops", "tenant.apply", "req-1", "{}", int64_t{2},
                     std::string(64, '0'), std::string(64, 'a')}));
  auto audit = expect_ok(conn->query("SELECT company_id, hash FROM audit_events"));
  REQUIRE(audit.size() == 1);
  CHECK_FALSE(expect_ok(audit[0].nullable<int64_t>("company_id")).has_value());
  CHECK(expect_ok(audit[0].get<std::string>("hash")) == std::string(64, 'a'));
}

PERSISTENCE_CASE("migrating two connections at once applies each migration once", "") {
  auto a = db.connect();
  auto b = db.connect();
  auto total = expect_ok(migrations_for(a->sql_dialect().kind)).size();
  int applied_a = 0;
  int applied_b = 0;
  std::thread other{[&] {
    auto r = migrate(*b);
    applied_b = r ? *r : -1;
  }};
  applied_a = expect_ok(migrate(*a));
  other.join();
  CHECK(applied_b >= 0);
  CHECK(applied_a + applied_b == static_cast<int>(total));
  auto rows = expect_ok(a->query("SELECT COUNT(*) FROM schema_migrations"));
  CHECK(expect_ok(rows[0].get<int64_t>(0)) == static_cast<int64_t>(total));
}
