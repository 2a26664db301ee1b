// The billing ledger on both backends (ledger_repo.hpp): the balance is the sum of the entries,
// one cause posts once whoever repeats it, call charges follow the tenant's price and rounding,
// a crossing of the low-balance threshold queues one notice job, and concurrent posts end in
// the exact balance.
#include "persistence/repo/call_repo.hpp"
#include "persistence/repo/job_repo.hpp"
#include "persistence/repo/ledger_repo.hpp"
#include "persistence/transaction.hpp"
#include "tests/unit/persistence/backend.hpp"
#include "tests/unit/persistence/domain_fixture.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <thread>
#include <vector>

using namespace askpro::persistence;
using askpro::errc;
using askpro::test::count_rows;
using askpro::test::domain_ids;
using askpro::test::expect_error;
using askpro::test::expect_ok;
using askpro::test::t0;

namespace {

ledger_post topup(int64_t cents, const std::string& session, const std::string& intent = "") {
  ledger_post p{"topup", cents, "checkout:" + session, std::nullopt, std::nullopt, std::nullopt};
  if (!intent.empty()) p.payment_intent = intent;
  return p;
}

posted_entry post(connection& conn, tenant_scope scope, const ledger_post& p, int64_t now = t0) {
  return expect_ok(
      with_transaction(conn, [&](connection& c) { return post_entry(c, scope, p, now); }));
}

void set_billing(connection& conn, const domain_ids& ids, int64_t price,
                 const std::string& rounding, int64_t low) {
  expect_ok(
      conn.execute("UPDATE companies SET price_per_minute_cents = ?, billing_rounding = ?, "
                   "low_balance_cents = ? WHERE id = ?",
                   {price, rounding, low, ids.company}));
}

/// An ended call of `duration_ms`.
void ended_call(connection& conn, const domain_ids& ids, const std::string& call_id,
                int64_t duration_ms) {
  call_opening opening;
  opening.retell_call_id = call_id;
  opening.branch_id = ids.branch;
  call_update update;
  update.status = "ended";
  update.duration_ms = duration_ms;
  expect_ok(apply_call(conn, ids.scope(), opening, update, t0));
}

std::optional<posted_entry> charge(connection& conn, const domain_ids& ids,
                                   const std::string& call_id) {
  return expect_ok(with_transaction(
      conn, [&](connection& c) { return charge_call(c, ids.scope(), call_id, t0); }));
}

}  // namespace

TEST_CASE("a call's price: started minutes, or seconds rounded half up to a cent", "[billing]") {
  CHECK(price_call(61'000, 30, "second").cents == 31);  // 30.5 ct → 31
  CHECK(price_call(61'000, 30, "second").billed_seconds == 61);
  CHECK(price_call(60'500, 29, "second").cents == 29);  // a started second counts: 61 s
  CHECK(price_call(1'000, 29, "second").cents == 0);    // 0.48 ct → 0
  CHECK(price_call(2'000, 15, "second").cents == 1);    // 0.5 ct → 1
  CHECK(price_call(61'000, 29, "minute").cents == 58);
  CHECK(price_call(61'000, 29, "minute").billed_seconds == 120);
  CHECK(price_call(60'000, 29, "minute").cents == 29);
  CHECK(price_call(0, 29, "minute").cents == 0);
  CHECK(price_call(1, 29, "minute").cents == 29);
}

PERSISTENCE_CASE("the ledger posts each cause once and the balance is its sum", "[billing]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  auto other = askpro::test::insert_domain(*conn, "other");
  auto first = post(*conn, ids.scope(), topup(5000, "cs_1", "pi_1"));
  CHECK(first.fresh);
  CHECK(first.entry.balance_after_cents == 5000);
  auto again = post(*conn, ids.scope(), topup(5000, "cs_1", "pi_1"), t0 + 1);
  CHECK_FALSE(again.fresh);
  CHECK(again.entry.id == first.entry.id);
  CHECK(expect_ok(read_balance(*conn, ids.scope())).balance_cents == 5000);
  // The same cause with other content, or for another tenant, is refused.
  expect_error(with_transaction(*conn,
                                [&](connection& c) {
                                  return post_entry(c, ids.scope(), topup(7000, "cs_1"), t0);
                                }),
               errc::conflict);
  expect_error(with_transaction(*conn,
                                [&](connection& c) {
                                  return post_entry(c, other.scope(), topup(5000, "cs_1"), t0);
                                }),
               errc::conflict);
  expect_error(post_entry(*conn, ids.scope(), topup(1, "cs_2"), t0), errc::invalid_argument);
  post(*conn, ids.scope(), {"refund", -1200, "refund:ch_1:1200", "pi_1", {}, {}}, t0 + 2);
  post(*conn, ids.scope(), {"adjustment", 300, "adjustment:goodwill", {}, {}, {}}, t0 + 3);
  CHECK(expect_ok(read_balance(*conn, ids.scope())).balance_cents == 4100);
  CHECK(expect_ok(read_balance(*conn, other.scope())).balance_cents == 0);
  CHECK(expect_ok(refunded_so_far(*conn, ids.scope(), "pi_1")) == 1200);
  CHECK(expect_ok(tenant_of_payment(*conn, "pi_1")) == std::optional<std::string>{"acme"});
  CHECK_FALSE(expect_ok(tenant_of_payment(*conn, "pi_unknown")));
  CHECK(expect_ok(check_ledger(*conn)).empty());
  // Newest first, in keyset pages.
  auto page = expect_ok(list_ledger(*conn, ids.scope(), std::nullopt, 2));
  REQUIRE(page.size() == 2);
  CHECK(page[0].kind == "adjustment");
  CHECK(page[1].kind == "refund");
  auto rest = expect_ok(list_ledger(*conn, ids.scope(), page[1].id, 2));
  REQUIRE(rest.size() == 1);
  CHECK(rest[0].reference == "checkout:cs_1");
  CHECK(expect_ok(list_ledger(*conn, other.scope(), std::nullopt, 10)).empty());
  // A balance changed behind the ledger's back is found.
  expect_ok(conn->execute("UPDATE companies SET balance_cents = 1 WHERE id = ?", {other.company}));
  auto drift = expect_ok(check_ledger(*conn));
  REQUIRE(drift.size() == 1);
  CHECK(drift[0].slug == "other");
  CHECK(drift[0].ledger_cents == 0);
}

PERSISTENCE_CASE("an ended call is charged once at the tenant's price", "[billing]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  set_billing(*conn, ids, 29, "minute", 0);
  post(*conn, ids.scope(), topup(1000, "cs_1"));
  ended_call(*conn, ids, "call_a", 61'000);
  auto charged = charge(*conn, ids, "call_a");
  REQUIRE(charged);
  CHECK(charged->fresh);
  CHECK(charged->entry.amount_cents == -58);
  CHECK(charged->entry.billed_seconds == std::optional<int64_t>{120});
  CHECK_FALSE(charge(*conn, ids, "call_a")->fresh);  // a redelivered call_ended
  CHECK(expect_ok(read_balance(*conn, ids.scope())).balance_cents == 942);
  CHECK(count_rows(*conn, "calls", "charged_at IS NOT NULL") == 1);
  set_billing(*conn, ids, 30, "second", 0);
  ended_call(*conn, ids, "call_b", 61'000);
  CHECK(charge(*conn, ids, "call_b")->entry.amount_cents == -31);
  // Not ended yet (no duration), or not a call of this tenant: nothing to charge.
  call_opening open;
  open.retell_call_id = "call_c";
  expect_ok(open_call(*conn, ids.scope(), open, t0));
  CHECK_FALSE(charge(*conn, ids, "call_c"));
  CHECK_FALSE(charge(*conn, ids, "call_unknown"));
  auto usage = expect_ok(ledger_usage(*conn, ids.scope(), t0, t0 + 1));
  CHECK(usage.calls == 2);
  CHECK(usage.billed_seconds == 181);
  CHECK(usage.charged_cents == 89);
  CHECK(usage.topups_cents == 1000);
  CHECK(usage.refunds_cents == 0);
  CHECK(expect_ok(ledger_usage(*conn, ids.scope(), t0 + 1, t0 + 2)).calls == 0);
}

PERSISTENCE_CASE("a charge below the threshold queues its notice once per crossing", "[billing]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  set_billing(*conn, ids, 100, "minute", 250);
  post(*conn, ids.scope(), topup(400, "cs_1"));
  auto notices = [&] { return count_rows(*conn, "jobs", "kind = 'notify.low_balance'"); };
  for (int i = 0; i < 4; ++i) {  // 400 → 300 → 200 (crosses) → 100 → 0
    ended_call(*conn, ids, "call_" + std::to_string(i), 30'000);
    charge(*conn, ids, "call_" + std::to_string(i));
    charge(*conn, ids, "call_" + std::to_string(i));  // redelivered
  }
  CHECK(notices() == 1);
  auto job = expect_ok(list_jobs(*conn, "", 10));
  REQUIRE(job.size() == 1);
  auto payload = nlohmann::json::parse(job[0].payload);
  CHECK(payload["tenant"] == "acme");
  CHECK(payload["balance_cents"] == 200);
  CHECK(job[0].idempotency_key ==
        "low_balance:" + std::to_string(ids.company) + ":" + payload["entry"].dump());
  post(*conn, ids.scope(), topup(1000, "cs_2"));  // above again: the next crossing notifies
  for (int i = 4; i < 9; ++i) {                   // 1000 → … → 500
    ended_call(*conn, ids, "call_" + std::to_string(i), 30'000);
    charge(*conn, ids, "call_" + std::to_string(i));
  }
  CHECK(notices() == 1);
  ended_call(*conn, ids, "call_9", 4 * 60'000);  // 500 → 100
  charge(*conn, ids, "call_9");
  CHECK(notices() == 2);
}

PERSISTENCE_CASE("50 concurrent top-ups and 20 concurrent charges end in the exact balance",
                 "[billing][race]") {
  auto setup = db.migrated();
  auto ids = askpro::test::insert_domain(*setup, "acme");
  set_billing(*setup, ids, 29, "minute", 0);
  for (int i = 0; i < 20; ++i) ended_call(*setup, ids, "call_" + std::to_string(i), 90'000);
  askpro::test::start_gate gate{70};
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int i = 0; i < 70; ++i)
    threads.emplace_back([&, i] {
      auto conn = db.connect();
      gate.arrive_and_wait();
      for (int attempt = 0; attempt < 20; ++attempt) {  // a deadlock victim tries again
        auto r = with_transaction(*conn, [&](connection& c) -> askpro::Result<bool> {
          if (i < 50) {
            auto p = post_entry(c, ids.scope(), topup(100 + i, "cs_" + std::to_string(i)), t0);
            if (!p) return std::move(p.error());
            return p->fresh;
          }
          auto p = charge_call(c, ids.scope(), "call_" + std::to_string(i - 50), t0);
          if (!p) return std::move(p.error());
          return *p && (*p)->fresh;
        });
        if (r) return;
        if (askpro::code_of(r.error()) != errc::unavailable) break;
      }
      ++failures;
    });
  for (auto& t : threads) t.join();
  CHECK(failures == 0);
  int64_t topups = 0;
  for (int i = 0; i < 50; ++i) topups += 100 + i;
  CHECK(expect_ok(read_balance(*setup, ids.scope())).balance_cents == topups - 20 * 58);
  CHECK(count_rows(*setup, "ledger_entries") == 70);
  CHECK(expect_ok(check_ledger(*setup)).empty());
  // balance_after of each entry, in id order, is the running sum: no post saw a stale balance.
  auto entries = expect_ok(list_ledger(*setup, ids.scope(), std::nullopt, 100));
  int64_t running = 0;
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    running += it->amount_cents;
    CHECK(it->balance_after_cents == running);
  }
}
