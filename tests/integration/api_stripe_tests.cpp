// Stripe's webhook through the real edge, on SQLite and MariaDB: signatures (wrong, stale,
// altered, missing, rotation), top-ups once however often and however concurrently delivered,
// unpaid-then-succeeded, refunds in any order, unknown tenants and event types.
#include "tests/fakes/stripe_client.hpp"
#include "tests/integration/api_call_fixture.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

using namespace askpro;
using namespace askpro::test;
using nlohmann::json;

namespace {

json paid(const std::string& event, const std::string& session, int64_t cents,
          const std::string& tenant = "salon", const std::string& intent = "") {
  fakes::checkout_fields f;
  f.event_id = event;
  f.session_id = session;
  f.tenant = tenant;
  f.amount_total = cents;
  f.payment_intent = intent;
  return fakes::checkout_event(f);
}

int64_t balance_of(api_node& node, const std::string& token) {
  return node.get_json("/api/v2/billing/balance", token)["balance_cents"].get<int64_t>();
}

int64_t inbox_rows(const backend& db) {
  auto rs = expect_ok(db.connect()->query("SELECT COUNT(*) AS n FROM webhook_inbox"));
  return expect_ok(rs[0].get<int64_t>("n"));
}

std::string effect_of(const httplib::Result& res) {
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 200);
  return json::parse(res->body)["effect"].get<std::string>();
}

}  // namespace

API_CASE("a Stripe delivery without a valid signature is refused and stores nothing", "[stripe]") {
  api_node node{db};
  const auto body = paid("evt_sig", "cs_sig", 5000).dump();
  auto check_refused = [&](const httplib::Result& res) {
    REQUIRE(res);
    CHECK(res->status == 400);
    CHECK(json::parse(res->body)["code"] == "invalid_signature");
  };
  check_refused(node.post_stripe(body, std::vector<std::string>{}));               // missing
  check_refused(node.post_stripe(body, std::vector<std::string>{"whsec_wrong"}));  // wrong secret
  check_refused(node.post_stripe(body, std::nullopt, 301));                        // stale
  {  // altered after signing
    httplib::Headers h{{"Stripe-Signature",
                        fakes::stripe_signature({stripe_secret}, body,
                                                runtime::to_unix_ms(node.clock().now()) / 1000)}};
    check_refused(node.client().Post("/webhooks/stripe", h, body + " ", "application/json"));
  }
  CHECK(inbox_rows(db) == 0);
  // Rotation: the old and the new secret both sign; one matching v1 is enough.
  CHECK(effect_of(node.post_stripe(body, std::vector<std::string>{"whsec_old", stripe_secret})) ==
        "credited");
  auto token = node.token("salon");
  CHECK(balance_of(node, token) == 5000);
}

API_CASE("a top-up is credited once, redelivered or concurrent", "[stripe]") {
  api_node node{db};
  auto token = node.token("salon");
  const auto body = paid("evt_1", "cs_1", 5000, "salon", "pi_1").dump();
  CHECK(effect_of(node.post_stripe(body)) == "credited");
  CHECK(effect_of(node.post_stripe(body)) == "duplicate");
  // The same session in another event (Stripe may send a completed event twice with new ids).
  CHECK(effect_of(node.post_stripe(paid("evt_1b", "cs_1", 5000, "salon", "pi_1").dump())) ==
        "duplicate");
  // Twelve deliveries of one new event at once: one credit.
  const auto twice = paid("evt_2", "cs_2", 700).dump();
  std::vector<std::thread> threads;
  std::atomic<int> credited{0}, ok{0};
  for (int i = 0; i < 12; ++i)
    threads.emplace_back([&] {
      auto res = node.post_stripe(twice);
      if (!res || res->status != 200) return;
      ++ok;
      if (json::parse(res->body)["effect"] == "credited") ++credited;
    });
  for (auto& t : threads) t.join();
  CHECK(ok == 12);
  CHECK(credited == 1);
  CHECK(balance_of(node, token) == 5700);
  auto ledger = node.get_json("/api/v2/billing/ledger", token)["data"];
  REQUIRE(ledger.size() == 2);
  CHECK(ledger[0]["reference"] == "checkout:cs_2");
  CHECK(ledger[0]["balance_after_cents"] == 5700);
}

API_CASE("an unpaid checkout is credited when its payment succeeds", "[stripe]") {
  api_node node{db};
  auto token = node.token("salon");
  fakes::checkout_fields f;
  f.event_id = "evt_unpaid";
  f.session_id = "cs_sepa";
  f.tenant = "salon";
  f.amount_total = 2500;
  f.payment_status = "unpaid";
  f.tenant_in_metadata = true;
  CHECK(effect_of(node.post_stripe(fakes::checkout_event(f).dump())) == "ignored");
  CHECK(balance_of(node, token) == 0);
  f.event_id = "evt_succeeded";
  f.payment_status = "paid";
  f.type = "checkout.session.async_payment_succeeded";
  CHECK(effect_of(node.post_stripe(fakes::checkout_event(f).dump())) == "credited");
  CHECK(balance_of(node, token) == 2500);
}

API_CASE("refunds debit what is newly refunded, in any order", "[stripe]") {
  api_node node{db};
  auto token = node.token("salon");
  // The refund arrives before its top-up: it waits, and is applied with the top-up.
  CHECK(effect_of(node.post_stripe(fakes::refund_event("evt_r1", "ch_1", "pi_9", 1000).dump())) ==
        "waiting");
  CHECK(effect_of(node.post_stripe(paid("evt_p", "cs_9", 6000, "salon", "pi_9").dump())) ==
        "credited");
  CHECK(balance_of(node, token) == 5000);
  // amount_refunded is cumulative: 3000 in all is 2000 more; the older 1000 again changes nothing.
  CHECK(effect_of(node.post_stripe(fakes::refund_event("evt_r3", "ch_1", "pi_9", 3000).dump())) ==
        "refunded");
  CHECK(effect_of(node.post_stripe(fakes::refund_event("evt_r2", "ch_1", "pi_9", 1000).dump())) ==
        "duplicate");
  CHECK(effect_of(node.post_stripe(fakes::refund_event("evt_r3", "ch_1", "pi_9", 3000).dump())) ==
        "duplicate");
  CHECK(balance_of(node, token) == 3000);
  auto usage = node.get_json("/api/v2/billing/usage?month=2026-12", token);
  CHECK(usage["topups_cents"] == 6000);
  CHECK(usage["refunds_cents"] == 3000);
}

API_CASE("unknown tenants, currencies and event types are acknowledged, never credited",
         "[stripe]") {
  api_node node{db};
  CHECK(effect_of(node.post_stripe(paid("evt_x", "cs_x", 900, "no-such-salon").dump())) ==
        "ignored");
  fakes::checkout_fields usd;
  usd.event_id = "evt_usd";
  usd.session_id = "cs_usd";
  usd.tenant = "salon";
  usd.amount_total = 900;
  usd.currency = "usd";
  CHECK(effect_of(node.post_stripe(fakes::checkout_event(usd).dump())) == "ignored");
  CHECK(effect_of(node.post_stripe(
            R"({"id":"evt_inv","type":"invoice.paid","data":{"object":{"id":"in_1"}}})")) ==
        "ignored");
  auto bad = node.post_stripe(R"({"id":"evt_bad","type":"charge.refunded"})");
  REQUIRE(bad);
  CHECK(bad->status == 400);
  CHECK(balance_of(node, node.token("salon")) == 0);
  CHECK(balance_of(node, node.token("bistro")) == 0);
}
