// The billing routes of the tenant API on SQLite and MariaDB: balance, ledger pages, usage equal
// to the ledger's sums in the tenant's local month, and tenant isolation of each route.
#include "persistence/repo/ledger_repo.hpp"
#include "persistence/transaction.hpp"
#include "tests/fakes/stripe_client.hpp"
#include "tests/integration/api_call_fixture.hpp"

#include <catch2/catch.hpp>

using namespace askpro;
using namespace askpro::test;
using nlohmann::json;

namespace {

void top_up(api_node& node, const std::string& tenant, const std::string& session, int64_t cents) {
  fakes::checkout_fields f;
  f.event_id = "evt_" + session;
  f.session_id = session;
  f.tenant = tenant;
  f.amount_total = cents;
  auto res = node.post_stripe(fakes::checkout_event(f).dump());
  REQUIRE(res);
  REQUIRE(res->status == 200);
}

/// Ends a stored call of `duration_ms` and charges it as call_ended does.
void charge(api_node& node, const backend& db, const std::string& tenant,
            const std::string& call_id, int64_t duration_ms) {
  node.add_call(tenant, call_id);
  auto conn = db.connect();
  persistence::call_update up;
  up.duration_ms = duration_ms;
  auto now = runtime::to_unix_ms(node.clock().now());
  expect_ok(persistence::update_call(*conn, node.scope(tenant), call_id, up, now));
  expect_ok(persistence::with_transaction(*conn, [&](persistence::connection& c) {
    return persistence::charge_call(c, node.scope(tenant), call_id, now);
  }));
}

}  // namespace

API_CASE("the balance, the ledger and a month's usage agree", "[billing]") {
  api_node node{db};
  expect_ok(db.connect()->execute(
      "UPDATE companies SET price_per_minute_cents = 29, low_balance_cents = 1000 "
      "WHERE slug = 'salon'"));
  auto token = node.token("salon", "read");  // read tokens may read billing
  top_up(node, "salon", "cs_a", 5000);
  charge(node, db, "salon", "call_1", 61'000);   // 2 started minutes: 58 ct
  charge(node, db, "salon", "call_2", 200'000);  // 4 minutes: 116 ct
  auto balance = node.get_json("/api/v2/billing/balance", token);
  CHECK(balance["balance_cents"] == 5000 - 58 - 116);
  CHECK(balance["currency"] == "EUR");
  CHECK(balance["low_balance_cents"] == 1000);
  auto first = node.get_json("/api/v2/billing/ledger?limit=2", token);
  REQUIRE(first["data"].size() == 2);
  CHECK(first["data"][0]["kind"] == "call_charge");
  CHECK(first["data"][0]["amount_cents"] == -116);
  CHECK(first["data"][0]["reference"] == "call:call_2");
  CHECK(first["data"][0]["balance_after_cents"] == 4826);
  CHECK(first["data"][0]["created_at"].get<std::string>().find("+01:00") != std::string::npos);
  REQUIRE(first["next_cursor"].is_string());
  auto rest = node.get_json(
      "/api/v2/billing/ledger?limit=2&cursor=" + first["next_cursor"].get<std::string>(), token);
  REQUIRE(rest["data"].size() == 1);
  CHECK(rest["data"][0]["kind"] == "topup");
  CHECK(rest["next_cursor"].is_null());
  auto usage = node.get_json("/api/v2/billing/usage?month=2026-12", token);
  CHECK(usage == json{{"month", "2026-12"},
                      {"calls", 2},
                      {"billed_seconds", 360},
                      {"charged_cents", 174},
                      {"topups_cents", 5000},
                      {"refunds_cents", 0}});
  int64_t sum = 0;
  for (const auto& e : first["data"]) sum += e["amount_cents"].get<int64_t>();
  for (const auto& e : rest["data"]) sum += e["amount_cents"].get<int64_t>();
  CHECK(sum == balance["balance_cents"].get<int64_t>());
  CHECK(node.get_json("/api/v2/billing/usage?month=2026-11", token)["calls"] == 0);
  for (const char* bad : {"", "2026-13", "2026-1", "26-12", "2026/12"}) {
    auto res = node.get(std::string{"/api/v2/billing/usage?month="} + bad, token);
    REQUIRE(res);
    INFO(bad);
    CHECK(res->status == 422);
  }
}

API_CASE("each tenant sees its own billing only", "[billing]") {
  api_node node{db};
  top_up(node, "salon", "cs_s", 4000);
  top_up(node, "bistro", "cs_b", 700);
  auto salon = node.token("salon");
  auto bistro = node.token("bistro", "read", {"nord"});  // branch-limited: still the tenant's
  CHECK(node.get_json("/api/v2/billing/balance", salon)["balance_cents"] == 4000);
  CHECK(node.get_json("/api/v2/billing/balance", bistro)["balance_cents"] == 700);
  auto ledger = node.get_json("/api/v2/billing/ledger", bistro)["data"];
  REQUIRE(ledger.size() == 1);
  CHECK(ledger[0]["reference"] == "checkout:cs_b");
  CHECK(node.get_json("/api/v2/billing/usage?month=2026-12", bistro)["topups_cents"] == 700);
  for (const char* path : {"/api/v2/billing/balance", "/api/v2/billing/ledger",
                           "/api/v2/billing/usage?month=2026-12"}) {
    auto res = node.get(path, "");
    REQUIRE(res);
    CHECK(res->status == 401);
  }
}
