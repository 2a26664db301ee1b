// Personal data at rest on both backends (SPEC S11): what the repositories write is sealed and
// reads back plain; a sealed value moved to another tenant's row does not open; rows from before
// encryption are sealed by `reseal`, which also rotates to a new key and is idempotent; a node
// with other keys is refused.
#include "persistence/crypto/key_check.hpp"
#include "persistence/crypto/keyring.hpp"
#include "persistence/crypto/reseal.hpp"
#include "persistence/database.hpp"
#include "persistence/repo/booking_repo.hpp"
#include "persistence/repo/call_repo.hpp"
#include "persistence/repo/callback_repo.hpp"
#include "persistence/repo/customer_repo.hpp"
#include "persistence/repo/inbox_repo.hpp"
#include "persistence/repo/job_repo.hpp"
#include "tests/support/test_keys.hpp"
#include "tests/unit/persistence/backend.hpp"
#include "tests/unit/persistence/domain_fixture.hpp"

#include <catch2/catch.hpp>

using namespace askpro;
using namespace askpro::persistence;
using askpro::test::expect_error;
using askpro::test::expect_ok;

namespace {

/// The one value of `sql` (a single row and column), as stored.
std::string raw(connection& c, const std::string& sql, std::vector<value> binds = {}) {
  auto rs = expect_ok(c.query(sql, binds));
  REQUIRE(rs.size() == 1);
  return expect_ok(rs[0].get<std::string>("v"));
}

bool sealed_with(const std::string& stored, const std::string& key) {
  return stored.rfind("enc1:" + key + ":", 0) == 0;
}

/// A connection of `db` holding `field_keys` (and the tests' blind index key).
std::unique_ptr<connection> with_keys(const test::backend& db,
                                      const std::vector<std::string>& field_keys,
                                      const std::string& blind = test::test_blind_key) {
  auto conn = db.connect();
  conn->set_data_keys(
      std::make_shared<const keyring>(expect_ok(keyring::parse(field_keys, blind))));
  return conn;
}

const std::string k2 = "k2:" + std::string(43, 'A') + "=";

/// One of everything personal the repositories store: a customer with e-mail and notes, a call
/// with transcript and summary, a callback request, a booking with notes and a request key, a
/// message job. Yields the customer and the booking request.
std::pair<customer_record, booking_request> seed_personal(connection& conn,
                                                          const test::domain_ids& ids) {
  auto c = expect_ok(find_or_create_customer(conn, ids.scope(), "+4915112345678", "Kim Quell", 5,
                                             "kim@example.org"));
  customer_patch notes;
  notes.notes = "mag Tee";
  expect_ok(update_customer(conn, ids.scope(), c.id, notes, 6, {"test", ""}));
  call_opening o{"call_s", ids.branch, "agent", "inbound", "+4915112345678", "+49301110000", c.id};
  call_update u;
  u.transcript = "Agent: Hallo Kim";
  u.summary = "Kim buchte";
  expect_ok(apply_call(conn, ids.scope(), o, u, 7));
  callback_request cb;
  cb.retell_call_id = "call_s";
  cb.phone_e164 = "+4915112345678";
  cb.name = "Kim Quell";
  cb.reason = "Rueckruf wegen Farbe";
  expect_ok(record_callback(conn, ids.scope(), cb, 8));
  auto req = test::booking(ids, test::t0, test::t0 + test::minutes(30));
  req.customer_id = c.id;
  req.notes = "Allergie";
  req.request_key = "retell:call_s:cut:1:+4915112345678";
  expect_ok(book(conn, ids.scope(), req, 9));
  job_spec sms;
  sms.company_id = ids.company;
  sms.kind = "notify.sms";
  sms.payload = R"({"to":"+4915112345678"})";
  sms.idempotency_key = "sms:1";
  expect_ok(enqueue_job(conn, sms, 10));
  return {c, req};
}

/// REQUIREs every personal column to hold a value sealed with the tests' key.
void check_all_sealed(connection& conn) {
  for (auto col : {"phone_e164", "name", "email", "notes"})
    CHECK(sealed_with(raw(conn, std::string{"SELECT "} + col + " AS v FROM customers"), "test1"));
  CHECK(raw(conn, "SELECT phone_index AS v FROM customers").size() == 64);
  for (auto col : {"from_number", "transcript", "summary"})
    CHECK(sealed_with(raw(conn, std::string{"SELECT "} + col + " AS v FROM calls"), "test1"));
  for (auto col : {"phone_e164", "name", "reason"})
    CHECK(sealed_with(raw(conn, std::string{"SELECT "} + col + " AS v FROM callback_requests"),
                      "test1"));
  CHECK(sealed_with(raw(conn, "SELECT notes AS v FROM appointments"), "test1"));
  CHECK(raw(conn, "SELECT request_key AS v FROM appointments").rfind("rk1:", 0) == 0);
  CHECK(sealed_with(raw(conn, "SELECT payload AS v FROM jobs"), "test1"));
}

}  // namespace

PERSISTENCE_CASE("personal fields are stored sealed and read back plain", "[crypto]") {
  auto conn = db.migrated();
  auto ids = test::insert_domain(*conn, "acme");
  auto [c, req] = seed_personal(*conn, ids);
  check_all_sealed(*conn);
  auto booked = expect_ok(find_appointment_by_request_key(*conn, ids.scope(), *req.request_key));
  REQUIRE(booked);
  auto back = expect_ok(find_customer_by_phone(*conn, ids.scope(), "+4915112345678"));
  REQUIRE(back);
  CHECK(back->name == "Kim Quell");
  CHECK(back->email == "kim@example.org");
  CHECK(back->notes == "mag Tee");
  auto call = expect_ok(find_call(*conn, ids.scope(), "call_s"));
  CHECK(call->from_number == std::optional<std::string>{"+4915112345678"});
  CHECK(call->transcript == std::optional<std::string>{"Agent: Hallo Kim"});
  CHECK(expect_ok(find_callback_of_call(*conn, ids.scope(), "call_s"))->reason ==
        "Rueckruf wegen Farbe");
  CHECK(expect_ok(find_appointment(*conn, ids.scope(), booked->id))->notes == "Allergie");
  auto again = expect_ok(book(*conn, ids.scope(), req, 11));  // the same request key
  CHECK(again.existing);
  CHECK(again.record.id == booked->id);
  auto named = expect_ok(list_customers(*conn, ids.scope(), {std::nullopt, "quell"}));
  REQUIRE(named.size() == 1);
  CHECK(named[0].id == c.id);
}

PERSISTENCE_CASE("a sealed value moved to another tenant's row does not open", "[crypto]") {
  auto conn = db.migrated();
  auto a = test::insert_domain(*conn, "acme");
  auto b = test::insert_domain(*conn, "rival");
  auto mine = expect_ok(find_or_create_customer(*conn, a.scope(), "+4930111", "Kim", 1));
  auto theirs = expect_ok(find_or_create_customer(*conn, b.scope(), "+4930222", "Lou", 1));
  auto stolen = raw(*conn, "SELECT name AS v FROM customers WHERE id = ?", {mine.id});
  expect_ok(conn->execute("UPDATE customers SET name = ? WHERE id = ?", {stolen, theirs.id}));
  expect_error(find_customer(*conn, b.scope(), theirs.id), errc::storage);
  auto keyless = db.connect();
  keyless->set_data_keys(nullptr);
  expect_error(find_customer(*keyless, a.scope(), mine.id), errc::storage);
}

PERSISTENCE_CASE("reseal seals rows from before, rotates to a new key, and is idempotent",
                 "[crypto]") {
  auto conn = db.migrated();
  auto ids = test::insert_domain(*conn, "acme");
  expect_ok(conn->execute(  // as stored before encryption
      "INSERT INTO customers (company_id, phone_e164, name, email, created_at, updated_at) "
      "VALUES (?, '+4930111', 'Alt Kunde', 'alt@example.org', 0, 0)",
      {ids.company}));
  expect_ok(conn->execute(
      "INSERT INTO calls (company_id, retell_call_id, agent_id, direction, from_number, "
      "transcript, created_at, updated_at) VALUES (?, 'call_old', 'a', 'inbound', '+4930111', "
      "'Agent: Guten Tag', 0, 0)",
      {ids.company}));
  expect_ok(conn->execute(
      "INSERT INTO webhook_inbox (provider, external_id, event, payload, received_at) "
      "VALUES ('retell', 'call_old', 'call_ended', '{\"from_number\":\"+4930111\"}', 0)"));
  CHECK_FALSE(expect_ok(find_customer_by_phone(*conn, ids.scope(), "+4930111")));

  auto first = expect_ok(reseal(*conn, 1));  // batches of one row
  CHECK(first.rows == 3);
  CHECK(first.values == 8);  // phone, its index, name, e-mail; call number, its index,
                             // transcript; inbox
  CHECK(sealed_with(raw(*conn, "SELECT name AS v FROM customers"), "test1"));
  CHECK(sealed_with(raw(*conn, "SELECT transcript AS v FROM calls"), "test1"));
  CHECK(sealed_with(raw(*conn, "SELECT payload AS v FROM webhook_inbox"), "test1"));
  auto found = expect_ok(find_customer_by_phone(*conn, ids.scope(), "+4930111"));
  REQUIRE(found);
  CHECK(found->name == "Alt Kunde");
  auto calls = expect_ok(customer_calls(*conn, ids.scope(), found->id, found->phone_e164));
  REQUIRE(calls.size() == 1);  // the old call is the customer's by its indexed number
  CHECK(calls[0].retell_call_id == "call_old");
  CHECK(expect_ok(reseal(*conn)).values == 0);

  auto rotating = with_keys(db, {k2, test::test_field_key});
  auto rotated = expect_ok(reseal(*rotating));
  CHECK(rotated.rows == 3);
  CHECK(sealed_with(raw(*conn, "SELECT email AS v FROM customers"), "k2"));
  CHECK(sealed_with(raw(*conn, "SELECT from_number AS v FROM calls"), "k2"));
  CHECK(expect_ok(reseal(*rotating)).values == 0);
  auto only_new = with_keys(db, {k2});
  CHECK(expect_ok(find_call(*only_new, ids.scope(), "call_old"))->transcript ==
        std::optional<std::string>{"Agent: Guten Tag"});
  expect_error(find_customer(*conn, ids.scope(), found->id), errc::storage);  // old key only
}

PERSISTENCE_CASE("a node with other keys than the database's is refused", "[crypto]") {
  auto conn = db.migrated();
  expect_ok(check_data_keys(*conn));
  expect_ok(check_data_keys(*conn));
  auto other = with_keys(db, {test::test_field_key}, std::string(43, 'B') + "=");
  expect_error(check_data_keys(*other), errc::config);
}

PERSISTENCE_CASE("only the benchmarks' baseline keyring stores plain values and no audit trail",
                 "[crypto]") {
  auto conn = db.migrated();
  auto ids = test::insert_domain(*conn, "acme");
  auto configured = expect_ok(keyring::parse({test::test_field_key}, test::test_blind_key));
  CHECK(configured.protects());
  auto baseline = configured.unprotected_for_benchmark();
  CHECK_FALSE(baseline.protects());
  CHECK(configured.protects());  // the copy is the only one changed
  conn->set_data_keys(std::make_shared<const keyring>(baseline));
  auto c = expect_ok(find_or_create_customer(*conn, ids.scope(), "+4930111", "Kim", 1));
  customer_patch notes;
  notes.notes = "mag Tee";
  expect_ok(update_customer(*conn, ids.scope(), c.id, notes, 2, {"test", ""}));
  CHECK(raw(*conn, "SELECT name AS v FROM customers") == "Kim");
  auto events = expect_ok(conn->query("SELECT COUNT(*) AS n FROM audit_events"));
  CHECK(expect_ok(events[0].get<int64_t>("n")) == 0);
}
