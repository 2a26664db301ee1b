// apply_tenant / load_catalog with notification settings (companies.notifications,
// branches.notify): stored and read back verbatim, compared before writing, '{}' by default.
#include "persistence/repo/catalog_repo.hpp"
#include "tests/unit/persistence/backend.hpp"
#include "tests/unit/persistence/catalog_sample_tests.hpp"
#include "tests/unit/persistence/domain_fixture.hpp"

#include <catch2/catch.hpp>

using namespace askpro::persistence;
using askpro::test::catalog_counts;
using askpro::test::expect_ok;
using askpro::test::sample_catalog;

namespace {

constexpr int64_t t1 = 1'790'000'000'000;

const std::string settings_text =
    R"({"channels":["sms","email"],"reminder_hours":24,)"
    R"("templates":{"reminder":{"de":"Bis morgen, {name} – {time} Uhr"}}})";

tenant_catalog with_notifications(const std::string& slug) {
  auto c = sample_catalog(slug);
  c.company.notifications = settings_text;
  c.branches[0].notify = R"({"email":"mitte@salon.example","phone":"+4915123456789"})";
  return c;
}

}  // namespace

PERSISTENCE_CASE("notification settings are stored and loaded as written", "[catalog][notify]") {
  auto conn = db.migrated();
  auto want = with_notifications("salon-a");
  auto scope = expect_ok(apply_tenant(*conn, want, t1)).scope;
  auto got = expect_ok(load_catalog(*conn, scope));
  CHECK(got.company.notifications == settings_text);
  REQUIRE(got.branches.size() == 2);
  CHECK(got.branches[0].notify == want.branches[0].notify);
  CHECK(got.branches[1].notify == "{}");
  auto found = expect_ok(find_company(*conn, "salon-a"));
  REQUIRE(found);
  CHECK(found->notifications == settings_text);
  auto counts = catalog_counts(*conn);
  CHECK_FALSE(expect_ok(apply_tenant(*conn, want, t1 + 1)).changed);
  CHECK(catalog_counts(*conn) == counts);
}

PERSISTENCE_CASE("a change of notification settings alone is written", "[catalog][notify]") {
  auto conn = db.migrated();
  auto want = with_notifications("salon-a");
  auto scope = expect_ok(apply_tenant(*conn, want, t1)).scope;
  want.company.notifications = R"({"channels":[],"reminder_hours":0,"templates":{}})";
  auto outcome = expect_ok(apply_tenant(*conn, want, t1 + 1));
  CHECK(outcome.changed);
  auto updated = expect_ok(conn->query("SELECT updated_at FROM companies"));
  CHECK(expect_ok(updated[0].get<int64_t>(0)) == t1 + 1);
  CHECK(expect_ok(load_catalog(*conn, scope)).company.notifications == want.company.notifications);
  auto ids_before = expect_ok(load_catalog(*conn, scope)).branches;
  want.branches[0].notify = "{}";
  want.branches[1].notify = R"({"email":"nord@salon.example"})";
  CHECK(expect_ok(apply_tenant(*conn, want, t1 + 2)).changed);
  auto got = expect_ok(load_catalog(*conn, scope));
  CHECK(got.branches[0].notify == "{}");
  CHECK(got.branches[1].notify == want.branches[1].notify);
  CHECK(got.branches[0].id == ids_before[0].id);  // updated in place
  CHECK_FALSE(expect_ok(apply_tenant(*conn, want, t1 + 3)).changed);
}

PERSISTENCE_CASE("rows written without notification settings read '{}'", "[catalog][notify]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "plain");
  auto got = expect_ok(load_catalog(*conn, ids.scope()));
  CHECK(got.company.notifications == "{}");
  REQUIRE(got.branches.size() == 1);
  CHECK(got.branches[0].notify == "{}");
}
