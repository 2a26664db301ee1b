// apply_tenant / load_catalog: creation, idempotence, updates and removals, on both backends.
#include "persistence/migrate.hpp"
#include "persistence/repo/catalog_repo.hpp"
#include "tests/unit/persistence/backend.hpp"
#include "tests/unit/persistence/catalog_sample_tests.hpp"

#include <catch2/catch.hpp>

using namespace askpro::persistence;
using askpro::errc;
using askpro::test::catalog_counts;
using askpro::test::check_matches;
using askpro::test::count_rows;
using askpro::test::expect_error;
using askpro::test::expect_ok;
using askpro::test::sample_catalog;

namespace {

constexpr int64_t t0 = 1'790'000'000'000;

template <class Record>
const Record& by_slug(const std::vector<Record>& v, const std::string& slug) {
  for (const auto& r : v)
    if (r.slug == slug) return r;
  FAIL("no row " << slug);
  throw std::logic_error("unreachable");
}

template <class Record>
bool has_slug(const std::vector<Record>& v, const std::string& slug) {
  for (const auto& r : v)
    if (r.slug == slug) return true;
  return false;
}

}  // namespace

PERSISTENCE_CASE("apply creates the tenant and load returns what was applied", "[catalog]") {
  auto conn = db.migrated();
  auto want = sample_catalog("salon-a");
  auto outcome = expect_ok(apply_tenant(*conn, want, t0));
  CHECK(outcome.created);
  CHECK(outcome.changed);
  CHECK(outcome.scope.company_id() > 0);
  auto got = expect_ok(load_catalog(*conn, outcome.scope));
  check_matches(want, got);
  CHECK(got.company.id == outcome.scope.company_id());
  CHECK(got.company.status == "active");
  CHECK(got.company.balance_cents == 0);
  CHECK(got.branches[0].phone_numbers == want.branches[0].phone_numbers);  // file order
  CHECK(by_slug(got.staff, "ben").branch_id == by_slug(got.branches, "mitte").id);
  auto found = expect_ok(find_company(*conn, "salon-a"));
  REQUIRE(found);
  CHECK(found->id == outcome.scope.company_id());
  CHECK_FALSE(expect_ok(find_company(*conn, "salon-b")));
  auto route = expect_ok(route_phone(*conn, "+49301110002"));
  REQUIRE(route);
  CHECK(route->scope == outcome.scope);
  CHECK(route->company_slug == "salon-a");
  CHECK(route->branch_slug == "mitte");
  CHECK_FALSE(expect_ok(route_phone(*conn, "+49309999999")));
}

PERSISTENCE_CASE("applying the same catalog twice changes nothing", "[catalog]") {
  auto conn = db.migrated();
  auto want = sample_catalog("salon-a");
  auto first = expect_ok(apply_tenant(*conn, want, t0));
  auto before = expect_ok(load_catalog(*conn, first.scope));
  auto counts = catalog_counts(*conn);
  auto updated_at = expect_ok(conn->query("SELECT updated_at FROM companies"));
  auto second = expect_ok(apply_tenant(*conn, want, t0 + 60'000));
  CHECK_FALSE(second.created);
  CHECK_FALSE(second.changed);
  CHECK(second.scope == first.scope);
  CHECK(catalog_counts(*conn) == counts);
  auto after = expect_ok(load_catalog(*conn, second.scope));
  check_matches(want, after);
  for (std::size_t i = 0; i < before.staff.size(); ++i)
    CHECK(after.staff[i].id == before.staff[i].id);
  for (std::size_t i = 0; i < before.branches.size(); ++i)
    CHECK(after.branches[i].id == before.branches[i].id);
  auto again = expect_ok(conn->query("SELECT updated_at FROM companies"));
  CHECK(expect_ok(again[0].get<int64_t>(0)) == expect_ok(updated_at[0].get<int64_t>(0)));
}

PERSISTENCE_CASE("a changed catalog updates rows and deletes unreferenced ones", "[catalog]") {
  auto conn = db.migrated();
  auto want = sample_catalog("salon-a");
  auto scope = expect_ok(apply_tenant(*conn, want, t0)).scope;
  expect_ok(conn->execute("UPDATE companies SET balance_cents = 555"));
  want.company.name = "Salon A neu";
  want.services[0].name = "Schnitt";
  want.services[0].synonyms = {"Haare schneiden"};
  want.branches[0].hours = {{2, 600, 720}};
  want.branches[0].closed = {"2027-01-01"};
  want.branches[0].special.clear();
  want.branches[0].phone_numbers = {"+49301110003"};
  want.branches[1].phone_numbers = {"+49301110002"};  // moved to the other branch
  want.staff[1].hours = {{2, 600, 660}, {3, 600, 660}};
  want.staff[0].service_slugs = {"cut"};
  want.staff.pop_back();  // cara has no appointments: deleted
  auto outcome = expect_ok(apply_tenant(*conn, want, t0 + 1));
  CHECK(outcome.changed);
  CHECK_FALSE(outcome.created);
  auto got = expect_ok(load_catalog(*conn, scope));
  check_matches(want, got);
  CHECK(got.company.balance_cents == 555);  // never touched
  CHECK(count_rows(*conn, "staff") == 2);
  auto route = expect_ok(route_phone(*conn, "+49301110002"));
  REQUIRE(route);
  CHECK(route->branch_slug == "nord");
  CHECK_FALSE(expect_ok(route_phone(*conn, "+49301110001")));
  CHECK_FALSE(expect_ok(apply_tenant(*conn, want, t0 + 2)).changed);
}

PERSISTENCE_CASE("removed rows with appointments are deactivated and come back when re-listed",
                 "[catalog]") {
  auto conn = db.migrated();
  auto full = sample_catalog("salon-a");
  auto scope = expect_ok(apply_tenant(*conn, full, t0)).scope;
  auto stored = expect_ok(load_catalog(*conn, scope));
  const auto& ben = by_slug(stored.staff, "ben");
  const auto& color = by_slug(stored.services, "color");
  askpro::test::insert_appointment(*conn, scope.company_id(), ben.branch_id, color.id, ben.id);
  auto reduced = full;
  reduced.staff = {full.staff[0]};  // ben (appointment) and cara (none) go
  reduced.staff[0].service_slugs = {"cut"};
  reduced.services = {full.services[0]};  // color (appointment) goes
  CHECK(expect_ok(apply_tenant(*conn, reduced, t0 + 1)).changed);
  auto got = expect_ok(load_catalog(*conn, scope));
  CHECK_FALSE(by_slug(got.staff, "ben").active);
  CHECK_FALSE(has_slug(got.staff, "cara"));
  CHECK_FALSE(by_slug(got.services, "color").active);
  CHECK(by_slug(got.staff, "anna").active);
  CHECK(count_rows(*conn, "appointments") == 1);
  CHECK_FALSE(expect_ok(apply_tenant(*conn, reduced, t0 + 2)).changed);  // stays inactive
  CHECK(expect_ok(apply_tenant(*conn, full, t0 + 3)).changed);
  got = expect_ok(load_catalog(*conn, scope));
  check_matches(full, got);  // every row active again
  CHECK(by_slug(got.staff, "ben").id == ben.id);
  CHECK(by_slug(got.services, "color").id == color.id);
}

PERSISTENCE_CASE("a removed branch with staff appointments is deactivated", "[catalog]") {
  auto conn = db.migrated();
  auto full = sample_catalog("salon-a");
  auto scope = expect_ok(apply_tenant(*conn, full, t0)).scope;
  auto stored = expect_ok(load_catalog(*conn, scope));
  const auto& cara = by_slug(stored.staff, "cara");
  askpro::test::insert_appointment(*conn, scope.company_id(), cara.branch_id,
                                   by_slug(stored.services, "color").id, cara.id);
  auto reduced = full;
  reduced.branches.pop_back();
  reduced.staff.pop_back();
  expect_ok(apply_tenant(*conn, reduced, t0 + 1));
  auto got = expect_ok(load_catalog(*conn, scope));
  CHECK_FALSE(by_slug(got.branches, "nord").active);
  CHECK_FALSE(by_slug(got.staff, "cara").active);
  auto plain = full;  // without the appointment the branch would go entirely
  plain.company.slug = "salon-b";
  for (auto& b : plain.branches) b.phone_numbers.clear();
  auto b_scope = expect_ok(apply_tenant(*conn, plain, t0)).scope;
  plain.branches.pop_back();
  plain.staff.pop_back();
  expect_ok(apply_tenant(*conn, plain, t0 + 1));
  CHECK_FALSE(has_slug(expect_ok(load_catalog(*conn, b_scope)).branches, "nord"));
}
