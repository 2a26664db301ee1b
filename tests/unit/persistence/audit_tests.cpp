// The audit trail on both backends (audit_repo.hpp): state changes append events chained by
// hash per tenant, and verification names the first event that was altered, removed or
// inserted.
#include "persistence/crypto/sealed.hpp"
#include "persistence/repo/audit_repo.hpp"
#include "persistence/repo/booking_repo.hpp"
#include "persistence/repo/ledger_repo.hpp"
#include "persistence/transaction.hpp"
#include "tests/unit/persistence/backend.hpp"
#include "tests/unit/persistence/domain_fixture.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace askpro::persistence;
using askpro::errc;
using askpro::test::domain_ids;
using askpro::test::expect_error;
using askpro::test::expect_ok;
using askpro::test::minutes;
using askpro::test::t0;

namespace {

void append(connection& conn, tenant_scope scope, const std::string& action, int64_t at) {
  expect_ok(with_transaction(conn, [&](connection& c) {
    return append_audit(c, scope, {"api:frontdesk", "req-" + action}, action,
                        R"({"appointment":1})", at);
  }));
}

std::vector<audit_event> events_of(connection& conn, tenant_scope scope) {
  return expect_ok(list_audit(conn, scope, 0, 1000));
}

}  // namespace

PERSISTENCE_CASE("appends chain per tenant and an intact chain verifies", "[audit]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  auto other = askpro::test::insert_domain(*conn, "other");
  append(*conn, ids.scope(), "appointment.booked", t0);
  append(*conn, other.scope(), "appointment.booked", t0);
  append(*conn, ids.scope(), "appointment.cancelled", t0 + 1);
  auto chain = events_of(*conn, ids.scope());
  REQUIRE(chain.size() == 2);
  CHECK(chain[0].prev_hash.empty());
  CHECK(chain[1].prev_hash == chain[0].hash);
  CHECK(chain[1].actor == "api:frontdesk");
  CHECK(chain[1].correlation == "req-appointment.cancelled");
  auto verdict = expect_ok(verify_audit(*conn, ids.scope()));
  CHECK(verdict.events == 2);
  CHECK_FALSE(verdict.broken_at);
  auto all = expect_ok(verify_audits(*conn, std::nullopt));
  REQUIRE(all.size() == 2);
  CHECK(all[1].slug == "other");
  CHECK(all[1].verdict.events == 1);
  expect_error(verify_audits(*conn, std::string{"nobody"}), errc::not_found);
  // Outside a transaction nothing is appended.
  expect_error(append_audit(*conn, ids.scope(), {}, "x", "{}", t0), errc::internal);
}

PERSISTENCE_CASE("an altered, removed or inserted event is found", "[audit]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  for (int i = 0; i < 4; ++i) append(*conn, ids.scope(), "step." + std::to_string(i), t0 + i);
  auto chain = events_of(*conn, ids.scope());
  REQUIRE(chain.size() == 4);

  SECTION("altered payload") {
    expect_ok(conn->execute("UPDATE audit_events SET payload = ? WHERE id = ?",
                            {std::string{R"({"appointment":2})"}, chain[1].id}));
    auto v = expect_ok(verify_audit(*conn, ids.scope()));
    CHECK(v.broken_at == chain[1].id);
    CHECK(v.problem.find("altered") != std::string::npos);
    CHECK(v.events == 1);
  }
  SECTION("an event removed from the middle") {
    expect_ok(conn->execute("DELETE FROM audit_events WHERE id = ?", {chain[2].id}));
    auto v = expect_ok(verify_audit(*conn, ids.scope()));
    CHECK(v.broken_at == chain[3].id);
    CHECK(v.problem.find("removed or inserted") != std::string::npos);
  }
  SECTION("the newest event removed") {
    expect_ok(conn->execute("DELETE FROM audit_events WHERE id = ?", {chain[3].id}));
    auto v = expect_ok(verify_audit(*conn, ids.scope()));
    CHECK(v.broken_at == 0);
    CHECK(v.events == 3);
  }
  SECTION("a forged event inserted with a correct-looking hash") {
    audit_event forged{0,    "api:frontdesk", "appointment.cancelled", "",
                       "{}", t0 + 9,          chain[3].hash,           ""};
    forged.hash = audit_hash(ids.company, forged);
    expect_ok(conn->execute(
        "INSERT INTO audit_events (company_id, actor, action, correlation_id, payload, "
        "created_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {ids.company, forged.actor, forged.action, forged.correlation, forged.payload,
         forged.created_at, forged.prev_hash, forged.hash}));
    auto v = expect_ok(verify_audit(*conn, ids.scope()));
    CHECK(v.broken_at == 0);  // the chain no longer ends at the recorded head
  }
}

PERSISTENCE_CASE("bookings, cancellations and ledger posts are audited with their actor",
                 "[audit]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  auto req = askpro::test::booking(ids, t0 + minutes(60), t0 + minutes(90));
  req.audit = {"caller:+4930111222", "call_abc"};
  auto booked = expect_ok(book(*conn, ids.scope(), req, t0));
  expect_ok(cancel_appointment(*conn, ids.scope(), booked.record.id, t0 + 1, {},
                               {"api:frontdesk", "req-1"}));
  expect_ok(cancel_appointment(*conn, ids.scope(), booked.record.id, t0 + 2, {},
                               {"api:frontdesk", "req-2"}));  // a repeat changes nothing
  expect_ok(with_transaction(*conn, [&](connection& c) {
    return post_entry(c, ids.scope(), {"topup", 5000, "checkout:cs_1", "pi_1", {}, {}}, t0 + 3);
  }));
  auto chain = events_of(*conn, ids.scope());
  REQUIRE(chain.size() == 3);
  CHECK(chain[0].action == "appointment.booked");
  // A caller is its number's blind index: the same for each of its changes, never the number.
  CHECK(chain[0].actor == "caller:" + expect_ok(phone_key(*conn, ids.company, "+4930111222")));
  CHECK(chain[0].correlation == "call_abc");
  CHECK(nlohmann::json::parse(chain[0].payload)["appointment"] == booked.record.id);
  CHECK(chain[1].action == "appointment.cancelled");
  CHECK(chain[1].correlation == "req-1");
  CHECK(chain[2].action == "ledger.topup");
  CHECK(chain[2].actor == "stripe");
  CHECK(nlohmann::json::parse(chain[2].payload)["amount_cents"] == 5000);
  CHECK(expect_ok(verify_audit(*conn, ids.scope())).events == 3);
}
