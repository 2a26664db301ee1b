// Call charges through Retell's webhooks (SQLite and MariaDB): call_ended charges the ended call
// once at the tenant's price — per started minute or per second — however often call_ended and
// call_analyzed are delivered, with Retell's cost kept on the call; a charge that crosses the
// low-balance threshold queues its notice once; two runtimes on one MariaDB charge a call once.
#include "persistence/repo/job_repo.hpp"
#include "tests/integration/voice_fixture.hpp"

#include "actors/jobs/job_admin.hpp"
#include "actors/tenant/tenant_directory.hpp"
#include "runtime/bridge.hpp"
#include "tests/fakes/stripe_client.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

using namespace askpro;
using namespace askpro::test;
using fakes::retell_client;
using nlohmann::json;

namespace {

json ended(int64_t duration_ms) {
  return {{"call_status", "ended"},
          {"start_timestamp", 1764576000000},
          {"end_timestamp", 1764576000000 + duration_ms},
          {"duration_ms", duration_ms},
          {"disconnection_reason", "user_hangup"},
          {"call_cost", {{"combined_cost", 70}}}};
}

int64_t scalar(const backend& db, const std::string& sql) {
  auto rs = expect_ok(db.connect()->query(sql));
  REQUIRE(rs.size() == 1);
  return expect_ok(rs[0].nullable<int64_t>(0)).value_or(-1);
}

void set_billing(const backend& db, int64_t price, const std::string& rounding, int64_t low,
                 int64_t balance) {
  expect_ok(db.connect()->execute(
      "UPDATE companies SET price_per_minute_cents = ?, billing_rounding = ?, "
      "low_balance_cents = ?, balance_cents = ? WHERE slug = 'salon'",
      {price, rounding, low, balance}));
  // The opening balance as a ledger entry, so balance and ledger agree from the start.
  expect_ok(db.connect()->execute(
      "INSERT INTO ledger_entries (company_id, kind, amount_cents, balance_after_cents, "
      "reference, created_at) SELECT id, 'adjustment', ?, ?, 'adjustment:opening', 0 "
      "FROM companies WHERE slug = 'salon'",
      {balance, balance}));
}

}  // namespace

VOICE_CASE("call_ended charges the call once per started minute", "[billing]") {
  voice_node n{db};
  set_billing(db, 29, "minute", 0, 1000);
  post_event(n, "call_started", "call_bill");
  post_event(n, "call_ended", "call_bill", ended(61'000));
  post_event(n, "call_ended", "call_bill", ended(61'000));  // redelivered
  post_event(n, "call_analyzed", "call_bill", ended(61'000));
  CHECK(scalar(db, "SELECT balance_cents FROM companies WHERE slug = 'salon'") == 1000 - 58);
  CHECK(scalar(db, "SELECT COUNT(*) FROM ledger_entries WHERE kind = 'call_charge'") == 1);
  CHECK(scalar(db,
               "SELECT billed_seconds FROM ledger_entries WHERE reference = "
               "'call:call_bill'") == 120);
  CHECK(scalar(db, "SELECT cost_cents FROM calls WHERE retell_call_id = 'call_bill'") == 70);
  CHECK(scalar(db, "SELECT COUNT(*) FROM calls WHERE charged_at IS NOT NULL") == 1);
  // The charge is one audit event of Retell's, tied to the call.
  CHECK(scalar(db,
               "SELECT COUNT(*) FROM audit_events WHERE action = 'ledger.call_charge' AND "
               "actor = 'retell' AND correlation_id = 'call:call_bill'") == 1);
}

VOICE_CASE("per-second rounding charges half a cent up", "[billing]") {
  voice_node n{db};
  set_billing(db, 30, "second", 0, 1000);
  post_event(n, "call_ended", "call_sec", ended(61'000));  // 61 s at 30 ct/min: 30.5 → 31 ct
  post_event(n, "call_ended", "call_sec", ended(61'000));
  CHECK(scalar(db, "SELECT balance_cents FROM companies WHERE slug = 'salon'") == 969);
  CHECK(scalar(db, "SELECT COUNT(*) FROM ledger_entries WHERE kind = 'call_charge'") == 1);
}

VOICE_CASE("a charge below the threshold queues one low-balance notice", "[billing]") {
  config::settings delivery;
  delivery.notify.smtp_url = "smtp://127.0.0.1:9";  // never reached: the jobs only get queued
  delivery.notify.smtp_from = "termine@salon.example";
  delivery.jobs.poll = std::chrono::hours{1};
  voice_node_options opts;
  opts.delivery = delivery;
  voice_node n{db, opts};
  expect_ok(
      db.connect()->execute("UPDATE branches SET notify = '{\"email\":\"mitte@salon.example\"}'"));
  expect_ok(runtime::ask<caf::ok_atom>(n.sys(), n.registry()->actor_at("/directory"),
                                       std::chrono::seconds{20}, actors::tenant::reload_atom::value,
                                       std::string{"salon"}));
  set_billing(db, 100, "minute", 250, 400);
  for (int i = 0; i < 4; ++i) {  // 400 → 300 → 200 (crosses 250: "2,00 €") → 100 → 0
    auto id = "call_low_" + std::to_string(i);
    post_event(n, "call_ended", id, ended(30'000));
    post_event(n, "call_ended", id, ended(30'000));
  }
  CHECK(scalar(db, "SELECT balance_cents FROM companies WHERE slug = 'salon'") == 0);
  CHECK(scalar(db, "SELECT COUNT(*) FROM jobs WHERE kind = 'notify.low_balance'") == 1);
  // The notice job becomes one e-mail to the branch's address, however often it is run.
  actors::jobs::poke_workers(*n.registry());
  CHECK(eventually([&] {
    return scalar(db,
                  "SELECT COUNT(*) FROM jobs WHERE kind = 'notify.low_balance' AND "
                  "status = 'done'") == 1;
  }));
  CHECK(scalar(db,
               "SELECT COUNT(*) FROM jobs WHERE kind = 'notify.email' AND "
               "idempotency_key LIKE 'low_balance:%:email'") == 1);
  auto payload = [&] {
    std::vector<json> found;
    for (const auto& j : expect_ok(persistence::list_jobs(*db.connect(), "", 100)))
      if (j.kind == "notify.email") found.push_back(json::parse(j.payload));
    REQUIRE(found.size() == 1);
    return found.front();
  }();
  CHECK(payload["to"] == "mitte@salon.example");
  CHECK(payload["body"].get<std::string>().find("2,00 €") != std::string::npos);
}

TEST_CASE("two runtimes on one MariaDB charge a call once", "[voice][mysql][billing]") {
  with_mysql([](backend& db) {
    voice_node a{db};
    voice_node_options second;
    second.seed = [](const backend&) {};  // the first node seeded the shared database
    second.node_id = "node-b";
    voice_node b{db, second};
    set_billing(db, 29, "minute", 0, 1000);
    // Both nodes receive call_ended for the same calls at once, several times over.
    // A delivery that was not answered 204 is delivered again, as Retell does.
    std::atomic<int> undelivered{0};
    std::vector<std::thread> threads;
    for (auto* node : {&a, &b, &a, &b})
      threads.emplace_back([node, &undelivered] {
        for (int i = 0; i < 10; ++i) {
          auto body = retell_client::event("call_ended", "call_two_" + std::to_string(i),
                                           caller_number, salon_number, ended(61'000));
          bool done = false;
          for (int attempt = 0; attempt < 5 && !done; ++attempt) {
            auto res = node->post("/webhooks/retell", body);
            done = res && res->status == 204;
          }
          if (!done) ++undelivered;
        }
      });
    for (auto& t : threads) t.join();
    CHECK(undelivered == 0);
    CHECK(scalar(db, "SELECT COUNT(*) FROM ledger_entries WHERE kind = 'call_charge'") == 10);
    CHECK(scalar(db, "SELECT balance_cents FROM companies WHERE slug = 'salon'") == 1000 - 580);
    CHECK(scalar(db, "SELECT COUNT(*) FROM calls WHERE charged_at IS NOT NULL") == 10);
  });
}

VOICE_CASE("50 top-ups and 20 call charges at once end in the exact balance", "[billing][race]") {
  voice_node_options opts;
  opts.stripe_secret = "whsec_race";
  voice_node n{db, opts};
  set_billing(db, 29, "minute", 0, 0);
  std::atomic<int> refused{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 50; ++i)
    threads.emplace_back([&, i] {
      fakes::checkout_fields f;
      f.event_id = "evt_race_" + std::to_string(i);
      f.session_id = "cs_race_" + std::to_string(i);
      f.tenant = "salon";
      f.amount_total = 1000 + i;
      auto body = fakes::checkout_event(f).dump();
      httplib::Headers h{
          {"Stripe-Signature", fakes::stripe_signature({"whsec_race"}, body, n.now_ms() / 1000)}};
      auto res = n.post_raw("/webhooks/stripe", body, h);
      if (!res || res->status != 200) ++refused;
    });
  for (int i = 0; i < 20; ++i)
    threads.emplace_back([&, i] {
      auto res = n.post("/webhooks/retell",
                        retell_client::event("call_ended", "call_race_" + std::to_string(i),
                                             caller_number, salon_number, ended(90'000)));
      if (!res || res->status != 204) ++refused;
    });
  for (auto& t : threads) t.join();
  CHECK(refused == 0);
  int64_t topups = 0;
  for (int i = 0; i < 50; ++i) topups += 1000 + i;
  CHECK(scalar(db, "SELECT balance_cents FROM companies WHERE slug = 'salon'") == topups - 20 * 58);
  CHECK(scalar(db, "SELECT COUNT(*) FROM ledger_entries") == 71);  // with the opening entry
  CHECK(scalar(db, "SELECT SUM(amount_cents) FROM ledger_entries") ==
        scalar(db, "SELECT balance_cents FROM companies WHERE slug = 'salon'"));
}
