// Start-up replay of the webhook inbox: a Retell event recorded but never applied (a crash
// between the 204 and the call record) is applied when the node starts, once (SQLite, MariaDB).
#include "actors/call/voice_replay.hpp"
#include "net/retell/replay_decoder.hpp"
#include "persistence/repo/inbox_repo.hpp"
#include "tests/integration/voice_fixture.hpp"

#include <catch2/catch.hpp>

using namespace askpro;
using namespace askpro::test;
using fakes::retell_client;
using nlohmann::json;

namespace {

const json ended_fields{{"call_status", "ended"},
                        {"start_timestamp", 1764576000000},
                        {"end_timestamp", 1764576090000},
                        {"duration_ms", 90000},
                        {"disconnection_reason", "user_hangup"}};

/// An inbox row as the webhook records it, left unprocessed.
void record_unprocessed(const backend& db, const std::string& call_id, const std::string& event,
                        const std::string& payload, int64_t now) {
  auto conn = db.connect();
  auto rec = expect_ok(persistence::record_event(*conn, "retell", call_id, event, payload, now));
  REQUIRE(rec.fresh);
}

int64_t unprocessed(const backend& db) {
  auto conn = db.connect();
  auto rs =
      expect_ok(conn->query("SELECT COUNT(*) AS n FROM webhook_inbox WHERE processed_at IS NULL"));
  return expect_ok(rs[0].get<int64_t>("n"));
}

json call_end(const backend& db, const std::string& call_id) {
  auto conn = db.connect();
  auto rs = expect_ok(conn->query(
      "SELECT status, duration_ms, disconnection_reason FROM calls WHERE retell_call_id = ?",
      {call_id}));
  REQUIRE(rs.size() == 1);
  return {{"status", expect_ok(rs[0].get<std::string>("status"))},
          {"duration_ms", expect_ok(rs[0].nullable<int64_t>("duration_ms")).value_or(-1)},
          {"reason", expect_ok(rs[0].nullable<std::string>("disconnection_reason")).value_or("")}};
}

actors::call::replay_report replay(voice_node& n) {
  // The node owns its clock; the deps only borrow it for the replay.
  runtime::clock_ptr clock{std::shared_ptr<const runtime::clock>{}, &n.clock()};
  actors::call::voice_deps deps{&n.sys(), n.registry(), clock};
  return expect_ok(actors::call::replay_pending(deps, net::retell::replay_decoder()));
}

}  // namespace

VOICE_CASE("an unprocessed call_ended in the inbox is applied at start, once", "[replay]") {
  voice_node n{db};
  auto body =
      retell_client::event("call_ended", "call_replay", caller_number, salon_number, ended_fields)
          .dump();
  record_unprocessed(db, "call_replay", "call_ended", body, n.now_ms());
  auto stray =
      retell_client::event("call_ended", "call_stray", caller_number, "+49309999999", ended_fields)
          .dump();
  record_unprocessed(db, "call_stray", "call_ended", stray, n.now_ms());
  record_unprocessed(db, "call_junk", "call_analyzed", "{not json", n.now_ms());
  REQUIRE(unprocessed(db) == 3);
  CHECK(count_rows(db, "calls") == 0);

  auto first = replay(n);
  CHECK(first.applied == 1);
  CHECK(first.dropped == 2);  // no tenant for the number; an unparseable body
  CHECK(first.failed == 0);
  CHECK(call_end(db, "call_replay") ==
        json({{"status", "ended"}, {"duration_ms", 90000}, {"reason", "user_hangup"}}));
  CHECK(unprocessed(db) == 0);
  CHECK(count_rows(db, "calls") == 1);

  auto second = replay(n);
  CHECK(second.applied + second.dropped + second.failed == 0);
  // Retell's own redelivery of the same event is recognised and changes nothing.
  auto res = n.post("/webhooks/retell", json::parse(body));
  REQUIRE(res);
  CHECK(res->status == 204);
  CHECK(count_rows(db, "calls") == 1);
  CHECK(count_rows(db, "webhook_inbox") == 3);
}
