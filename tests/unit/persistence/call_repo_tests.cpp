// Calls and the webhook inbox: insert-once under redelivery, field-by-field updates, tenant
// scoping, on SQLite and MariaDB.
#include "persistence/repo/call_repo.hpp"
#include "persistence/repo/inbox_repo.hpp"
#include "tests/unit/persistence/backend.hpp"
#include "tests/unit/persistence/domain_fixture.hpp"

#include <catch2/catch.hpp>

using namespace askpro::persistence;
using askpro::errc;
using askpro::test::count_rows;
using askpro::test::domain_ids;
using askpro::test::expect_error;
using askpro::test::expect_ok;
using askpro::test::insert_domain;

namespace {
call_opening opening_of(const std::string& call_id, int64_t branch) {
  call_opening o;
  o.retell_call_id = call_id;
  o.branch_id = branch;
  return o;
}
}  // namespace

PERSISTENCE_CASE("a call opens once however often it is opened", "[calls]") {
  auto conn = db.migrated();
  auto ids = insert_domain(*conn, "salon-a");
  call_opening opening{"call_abc",       ids.branch,      "agent_1",   "inbound",
                       "+4915112345678", "+493012345678", std::nullopt};
  auto first = expect_ok(open_call(*conn, ids.scope(), opening, 1000));
  opening.agent_id = "agent_changed";  // a later opener does not overwrite
  auto second = expect_ok(open_call(*conn, ids.scope(), opening, 2000));
  CHECK(first.id == second.id);
  CHECK(second.agent_id == "agent_1");
  CHECK(second.status == "registered");
  CHECK(second.created_at == 1000);
  CHECK(count_rows(*conn, "calls") == 1);
}

PERSISTENCE_CASE("call updates set only the given fields", "[calls]") {
  auto conn = db.migrated();
  auto ids = insert_domain(*conn, "salon-a");
  expect_ok(open_call(*conn, ids.scope(), opening_of("call_1", ids.branch), 1000));
  call_update ended;
  ended.status = "ended";
  ended.ended_at = 65'000;
  ended.duration_ms = 64'000;
  ended.disconnection_reason = "user_hangup";
  expect_ok(update_call(*conn, ids.scope(), "call_1", ended, 66'000));
  call_update analyzed;
  analyzed.summary = "Termin gebucht";
  analyzed.sentiment = "Positive";
  analyzed.successful = true;
  auto call = expect_ok(update_call(*conn, ids.scope(), "call_1", analyzed, 90'000));
  CHECK(call.status == "ended");
  CHECK(call.duration_ms == 64'000);
  CHECK(call.disconnection_reason == "user_hangup");
  CHECK(call.summary == "Termin gebucht");
  CHECK(call.successful == true);
  CHECK(call.updated_at == 90'000);
  CHECK_FALSE(call.transcript.has_value());
}

PERSISTENCE_CASE("another tenant can neither open nor see nor update a call", "[calls]") {
  auto conn = db.migrated();
  auto a = insert_domain(*conn, "salon-a");
  auto b = insert_domain(*conn, "salon-b");
  expect_ok(open_call(*conn, a.scope(), opening_of("call_1", a.branch), 1000));
  expect_error(open_call(*conn, b.scope(), opening_of("call_1", b.branch), 2000), errc::forbidden);
  CHECK_FALSE(expect_ok(find_call(*conn, b.scope(), "call_1")).has_value());
  call_update u;
  u.status = "ended";
  expect_error(update_call(*conn, b.scope(), "call_1", u, 3000), errc::not_found);
  CHECK(expect_ok(find_call(*conn, a.scope(), "call_1"))->status == "registered");
}

PERSISTENCE_CASE("the inbox records an event once and lists what is unprocessed", "[inbox]") {
  auto conn = db.migrated();
  auto first = expect_ok(record_event(*conn, "retell", "call_1", "call_ended", "{\"a\":1}", 10));
  CHECK(first.fresh);
  auto again = expect_ok(record_event(*conn, "retell", "call_1", "call_ended", "{\"a\":2}", 20));
  CHECK_FALSE(again.fresh);
  CHECK(again.record.id == first.record.id);
  CHECK(again.record.payload == "{\"a\":1}");
  auto other = expect_ok(record_event(*conn, "retell", "call_1", "call_analyzed", "{}", 30));
  CHECK(other.fresh);
  auto pending = expect_ok(pending_events(*conn, 10));
  REQUIRE(pending.size() == 2);
  CHECK(pending[0].event == "call_ended");
  expect_ok(mark_processed(*conn, first.record.id, 40));
  expect_ok(mark_processed(*conn, first.record.id, 50));  // idempotent
  pending = expect_ok(pending_events(*conn, 10));
  REQUIRE(pending.size() == 1);
  CHECK(pending[0].event == "call_analyzed");
  CHECK(count_rows(*conn, "webhook_inbox", "processed_at = 40") == 1);
}

PERSISTENCE_CASE("calls are listed newest first in stable pages, per tenant", "[calls]") {
  auto conn = db.migrated();
  auto a = insert_domain(*conn, "salon-a");
  auto b = insert_domain(*conn, "salon-b");
  for (int i = 0; i < 5; ++i)
    expect_ok(open_call(*conn, a.scope(), opening_of("a" + std::to_string(i), a.branch), 100 + i));
  expect_ok(open_call(*conn, b.scope(), opening_of("b0", b.branch), 100));
  call_filter page;
  page.limit = 2;
  std::vector<std::string> order;
  for (;;) {
    auto rows = expect_ok(list_calls(*conn, a.scope(), page));
    if (rows.empty()) break;
    for (const auto& c : rows) order.push_back(c.retell_call_id);
    page.before = std::make_pair(rows.back().created_at, rows.back().id);
    if (order.size() == 2)  // a newer call does not shift the pages already being read
      expect_ok(open_call(*conn, a.scope(), opening_of("late", a.branch), 200));
  }
  CHECK(order == std::vector<std::string>{"a4", "a3", "a2", "a1", "a0"});
  auto one = expect_ok(
      find_call_by_id(*conn, a.scope(), expect_ok(find_call(*conn, a.scope(), "a0"))->id));
  REQUIRE(one);
  CHECK(one->retell_call_id == "a0");
  auto b0 = expect_ok(find_call(*conn, b.scope(), "b0"));
  CHECK_FALSE(expect_ok(find_call_by_id(*conn, a.scope(), b0->id)));
}

PERSISTENCE_CASE("apply_call inserts with the event's fields, then updates, never another tenant's",
                 "[calls][apply]") {
  auto conn = db.migrated();
  auto a = insert_domain(*conn, "salon-a");
  auto b = insert_domain(*conn, "salon-b");
  call_update started;
  started.status = "ongoing";
  started.started_at = 1000;
  expect_ok(apply_call(*conn, a.scope(), opening_of("call_1", a.branch), started, 1000));
  auto call = expect_ok(find_call(*conn, a.scope(), "call_1"));
  REQUIRE(call);
  CHECK(call->status == "ongoing");
  CHECK(call->started_at == 1000);

  call_update ended;
  ended.status = "ended";
  ended.duration_ms = 42'000;
  expect_ok(apply_call(*conn, a.scope(), opening_of("call_1", a.branch), ended, 43'000));
  call = expect_ok(find_call(*conn, a.scope(), "call_1"));
  CHECK(call->status == "ended");
  CHECK(call->duration_ms == 42'000);
  CHECK(call->started_at == 1000);  // kept

  call_update hostile;
  hostile.status = "error";
  expect_error(apply_call(*conn, b.scope(), opening_of("call_1", b.branch), hostile, 50'000),
               errc::forbidden);
  CHECK(expect_ok(find_call(*conn, a.scope(), "call_1"))->status == "ended");
  CHECK_FALSE(expect_ok(find_call(*conn, b.scope(), "call_1")).has_value());
  CHECK(count_rows(*conn, "calls") == 1);
}

PERSISTENCE_CASE("record_applied_event stores a processed row once and hands back a redelivery",
                 "[inbox][apply]") {
  auto conn = db.migrated();
  auto first = expect_ok(record_applied_event(*conn, "retell", "call_1", "call_started", 10));
  CHECK_FALSE(first.has_value());  // a first delivery: nothing stored before
  auto again = expect_ok(record_applied_event(*conn, "retell", "call_1", "call_started", 20));
  REQUIRE(again);
  CHECK(again->payload.empty());  // applied with its row: the body is not kept a second time
  CHECK(again->processed_at == std::optional<int64_t>{10});
  CHECK(expect_ok(pending_events(*conn, 10)).empty());

  // A row recorded but never applied (the start-up replay's case) comes back unprocessed.
  expect_ok(record_event(*conn, "retell", "call_2", "call_ended", "{}", 30));
  auto pending = expect_ok(record_applied_event(*conn, "retell", "call_2", "call_ended", 40));
  REQUIRE(pending);
  CHECK_FALSE(pending->processed_at.has_value());
}

PERSISTENCE_CASE("retention purges transcripts past their tenant's days and nothing else",
                 "[calls][retention]") {
  auto conn = db.migrated();
  auto a = insert_domain(*conn, "salon-a");
  auto b = insert_domain(*conn, "salon-b");  // keeps transcripts (0 days)
  expect_ok(conn->execute("UPDATE companies SET transcript_days = 30 WHERE id = ?", {a.company}));
  const int64_t day = 86'400'000;
  const int64_t now = 100 * day;
  auto ended_call = [&](const domain_ids& ids, const std::string& id, int64_t ended_at) {
    expect_ok(open_call(*conn, ids.scope(), opening_of(id, ids.branch), 1000));
    call_update u;
    u.status = "ended";
    u.ended_at = ended_at;
    u.transcript = "Agent: Guten Tag. User: Ich bin Erika.";
    u.transcript_object = R"([{"role":"user","content":"Ich bin Erika."}])";
    u.summary = "Termin gebucht";
    expect_ok(update_call(*conn, ids.scope(), id, u, ended_at));
  };
  ended_call(a, "old_a", now - 31 * day);
  ended_call(a, "recent_a", now - 29 * day);
  ended_call(b, "old_b", now - 300 * day);
  expect_ok(open_call(*conn, a.scope(), opening_of("live_a", a.branch), 1000));  // not ended

  CHECK(expect_ok(purge_transcripts(*conn, now)) == 1);
  auto old_a = expect_ok(find_call(*conn, a.scope(), "old_a"));
  REQUIRE(old_a);
  CHECK_FALSE(old_a->transcript);
  CHECK_FALSE(old_a->transcript_object);
  CHECK(old_a->summary == "Termin gebucht");
  CHECK(expect_ok(find_call(*conn, a.scope(), "recent_a"))->transcript);
  CHECK(expect_ok(find_call(*conn, b.scope(), "old_b"))->transcript);
  CHECK(expect_ok(purge_transcripts(*conn, now)) == 0);  // nothing left to purge
}
