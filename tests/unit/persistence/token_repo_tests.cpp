// API tokens: stored by hash, limited to branches of their own tenant, revocable.
#include "persistence/repo/catalog_repo.hpp"
#include "persistence/repo/token_repo.hpp"
#include "tests/unit/persistence/backend.hpp"
#include "tests/unit/persistence/catalog_sample_tests.hpp"

#include <catch2/catch.hpp>

using namespace askpro::persistence;
using askpro::errc;
using askpro::test::count_rows;
using askpro::test::expect_error;
using askpro::test::expect_ok;
using askpro::test::sample_catalog;

namespace {
constexpr int64_t t0 = 1'790'000'000'000;
const std::string hash_a(64, 'a');
const std::string hash_b(64, 'b');
}  // namespace

PERSISTENCE_CASE("a token is found by its hash with its branch limits", "[token]") {
  auto conn = db.migrated();
  auto scope = expect_ok(apply_tenant(*conn, sample_catalog("salon-a"), t0)).scope;
  auto stored = expect_ok(insert_token(*conn, scope, "front desk", hash_a, "read", {"nord"}, t0));
  CHECK(stored.id > 0);
  CHECK(stored.scope == scope);
  CHECK(stored.company_slug == "salon-a");
  CHECK(stored.branch_slugs == std::vector<std::string>{"nord"});
  auto found = expect_ok(find_token(*conn, hash_a));
  REQUIRE(found);
  CHECK(found->name == "front desk");
  CHECK(found->scope_name == "read");
  CHECK(found->branch_ids == stored.branch_ids);
  CHECK(found->created_at == t0);
  CHECK_FALSE(found->last_used_at);
  CHECK_FALSE(expect_ok(find_token(*conn, hash_b)));
  expect_ok(touch_token(*conn, scope, stored.id, t0 + 5));
  CHECK(expect_ok(find_token(*conn, hash_a))->last_used_at == t0 + 5);
  expect_ok(conn->execute("UPDATE api_tokens SET revoked_at = ?", {t0 + 6}));
  CHECK_FALSE(expect_ok(find_token(*conn, hash_a)));
}

PERSISTENCE_CASE("a token for an unknown branch or scope is refused and nothing stored",
                 "[token]") {
  auto conn = db.migrated();
  auto scope = expect_ok(apply_tenant(*conn, sample_catalog("salon-a"), t0)).scope;
  auto other = sample_catalog("salon-b", "+49301120001", "+49301120002");
  other.branches[1].slug = "sued";
  other.staff[2].branch_slug = "sued";
  expect_ok(apply_tenant(*conn, other, t0));
  auto err = expect_error(insert_token(*conn, scope, "x", hash_a, "admin", {"mitte", "sued"}, t0),
                          errc::not_found);
  CHECK(askpro::describe(err).find("sued") != std::string::npos);
  expect_error(insert_token(*conn, scope, "x", hash_a, "root", {}, t0), errc::invalid_argument);
  CHECK(count_rows(*conn, "api_tokens") == 0);
  CHECK(count_rows(*conn, "api_token_branches") == 0);
  auto all = expect_ok(insert_token(*conn, scope, "x", hash_a, "admin", {}, t0));
  CHECK(all.branch_ids.empty());
  expect_error(insert_token(*conn, scope, "y", hash_a, "admin", {}, t0), errc::conflict);
}

PERSISTENCE_CASE("a token of a company that is not active is not found", "[token]") {
  auto conn = db.migrated();
  auto a = expect_ok(apply_tenant(*conn, sample_catalog("salon-a"), t0)).scope;
  auto b =
      expect_ok(apply_tenant(*conn, sample_catalog("salon-b", "+49301110011", "+49301110012"), t0))
          .scope;
  expect_ok(insert_token(*conn, a, "a", hash_a, "admin", {}, t0));
  expect_ok(insert_token(*conn, b, "b", hash_b, "admin", {}, t0));
  expect_ok(set_company_status(*conn, a, "suspended"));
  CHECK(expect_ok(find_company(*conn, "salon-a"))->status == "suspended");
  CHECK_FALSE(expect_ok(find_token(*conn, hash_a)));
  CHECK(expect_ok(find_token(*conn, hash_b)));  // the other tenant is unaffected
  expect_ok(apply_tenant(*conn, sample_catalog("salon-a"), t0 + 1));  // apply keeps the status
  CHECK_FALSE(expect_ok(find_token(*conn, hash_a)));
  expect_ok(set_company_status(*conn, a, "active"));
  CHECK(expect_ok(find_token(*conn, hash_a)));
  expect_error(set_company_status(*conn, tenant_scope{a.company_id() + 1000}, "active"),
               errc::not_found);
}
