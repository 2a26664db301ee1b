// apply_tenant across tenants: phone numbers are unique across tenants, and every load is
// scoped to one company.
#include "persistence/repo/catalog_repo.hpp"
#include "tests/unit/persistence/backend.hpp"
#include "tests/unit/persistence/catalog_sample_tests.hpp"

#include <catch2/catch.hpp>

using namespace askpro::persistence;
using askpro::errc;
using askpro::test::catalog_counts;
using askpro::test::count_rows;
using askpro::test::expect_error;
using askpro::test::expect_ok;
using askpro::test::sample_catalog;

namespace {
constexpr int64_t t0 = 1'790'000'000'000;
}

PERSISTENCE_CASE("a phone number of another tenant is a conflict and nothing is written",
                 "[catalog]") {
  auto conn = db.migrated();
  expect_ok(apply_tenant(*conn, sample_catalog("salon-a"), t0));
  auto counts = catalog_counts(*conn);
  auto other = sample_catalog("salon-b", "+49301119999", "+49301110001");  // A's number
  other.branches[0].slug = "zentrum";
  auto err = expect_error(apply_tenant(*conn, other, t0), errc::conflict);
  auto detail = askpro::describe(err);
  CHECK(detail.find("zentrum") != std::string::npos);
  CHECK(detail.find("+49301110001") == std::string::npos);
  CHECK(catalog_counts(*conn) == counts);
  CHECK_FALSE(expect_ok(find_company(*conn, "salon-b")));
  // An existing tenant taking another's number: refused, its own rows unchanged.
  auto b = sample_catalog("salon-b", "+49301119999", "+49301119998");
  auto b_scope = expect_ok(apply_tenant(*conn, b, t0)).scope;
  auto before = catalog_counts(*conn);
  b.company.name = "renamed";
  b.branches[1].phone_numbers = {"+49301110002"};
  expect_error(apply_tenant(*conn, b, t0 + 1), errc::conflict);
  CHECK(catalog_counts(*conn) == before);
  CHECK(expect_ok(load_catalog(*conn, b_scope)).company.name == "Salon salon-b");
}

PERSISTENCE_CASE("load_catalog of one tenant never shows another's rows", "[catalog]") {
  auto conn = db.migrated();
  auto a = sample_catalog("salon-a");
  auto b = sample_catalog("salon-b", "+49301120001", "+49301120002");
  b.services.pop_back();
  b.staff = {b.staff[0]};
  b.staff[0].service_slugs = {"cut"};
  auto a_scope = expect_ok(apply_tenant(*conn, a, t0)).scope;
  auto b_scope = expect_ok(apply_tenant(*conn, b, t0)).scope;
  CHECK_FALSE(a_scope == b_scope);
  askpro::test::check_matches(a, expect_ok(load_catalog(*conn, a_scope)));
  askpro::test::check_matches(b, expect_ok(load_catalog(*conn, b_scope)));
  // Same slugs in both tenants are distinct rows; removing B's staff leaves A's alone.
  b.staff.clear();
  expect_ok(apply_tenant(*conn, b, t0 + 1));
  CHECK(expect_ok(load_catalog(*conn, b_scope)).staff.empty());
  CHECK(expect_ok(load_catalog(*conn, a_scope)).staff.size() == 3);
  CHECK(count_rows(*conn, "staff") == 3);
  auto route = expect_ok(route_phone(*conn, "+49301120002"));
  REQUIRE(route);
  CHECK(route->scope == b_scope);
  expect_error(load_catalog(*conn, tenant_scope{b_scope.company_id() + 100}), errc::not_found);
}

PERSISTENCE_CASE("a catalog whose staff refer to an unknown branch is refused whole", "[catalog]") {
  auto conn = db.migrated();
  auto bad = sample_catalog("salon-a");
  bad.staff[2].branch_slug = "sued";
  auto err = expect_error(apply_tenant(*conn, bad, t0), errc::invalid_argument);
  CHECK(askpro::describe(err).find("sued") != std::string::npos);
  CHECK(count_rows(*conn, "companies") == 0);
  CHECK(count_rows(*conn, "branches") == 0);
}
