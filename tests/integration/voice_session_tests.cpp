// The call-session actors in the tree: visible in /ops/actors during the call, gone after
// call_ended plus the grace period, replaced when killed mid-call, and keeping their tenant from
// being stopped as idle (SQLite and MariaDB).
#include "actors/tenant/tenant_directory.hpp"
#include "runtime/bridge.hpp"
#include "tests/integration/http_fixture.hpp"
#include "tests/integration/voice_fixture.hpp"

#include <caf/all.hpp>
#include <catch2/catch.hpp>

#include <algorithm>

using namespace askpro;
using namespace askpro::test;
using fakes::retell_client;
using nlohmann::json;

namespace {

const std::string session_path = "/tenants/salon/calls/call_tree";

bool in_ops_tree(voice_node& n, const std::string& path) {
  httplib::Client ops{"127.0.0.1", n.ops_port()};
  auto res = ops.Get("/ops/actors", {{"Authorization", "Bearer ops-secret"}});
  REQUIRE(res);
  REQUIRE(res->status == 200);
  auto paths = testing::tree_paths(res->body);
  return std::find(paths.begin(), paths.end(), path) != paths.end();
}

}  // namespace

VOICE_CASE("a call session lives in the tree during the call and ends after the grace",
           "[session]") {
  voice_node n{db};
  auto started = n.post("/webhooks/retell", retell_client::event("call_started", "call_tree",
                                                                 caller_number, salon_number));
  REQUIRE(started);
  REQUIRE(started->status == 204);
  CHECK(eventually([&] { return in_ops_tree(n, session_path); }));  // started asynchronously
  auto ctx = n.call("get_current_context", nlohmann::json::object(), "call_tree");
  CHECK(ctx["success"] == true);
  auto ended = n.post("/webhooks/retell",
                      retell_client::event("call_ended", "call_tree", caller_number, salon_number));
  REQUIRE(ended);
  REQUIRE(ended->status == 204);
  CHECK(eventually([&] { return !n.registry()->actor_at(session_path); }));
  CHECK_FALSE(in_ops_tree(n, session_path));
}

VOICE_CASE("a session killed mid-call is rebuilt by the next function call", "[session]") {
  voice_node n{db};
  auto first = n.call("book_appointment", {{"date", "2026-12-02"}, {"time", "10:00"}}, "call_tree");
  REQUIRE(first["success"] == true);
  auto session = n.registry()->actor_at(session_path);
  REQUIRE(session);
  caf::anon_send_exit(session, caf::exit_reason::kill);
  auto again = n.call("book_appointment", {{"date", "2026-12-02"}, {"time", "10:00"}}, "call_tree");
  INFO(again.dump());
  REQUIRE(again["success"] == true);
  CHECK(again["data"]["appointment_id"] == first["data"]["appointment_id"]);
  auto query = n.call("query_appointment", nlohmann::json::object(), "call_tree");
  CHECK(query["data"]["appointments"].size() == 1);
  CHECK(count_booked(db) == 1);
}

namespace {

void kill_session(voice_node& n, const std::string& path) {
  auto session = n.registry()->actor_at(path);
  REQUIRE(session);
  caf::anon_send_exit(session, caf::exit_reason::kill);
  CHECK(eventually([&] { return n.registry()->actor_at(path) != session; }));
}

int64_t count_appointments(const backend& db, const std::string& status) {
  auto conn = db.connect();
  auto rs =
      expect_ok(conn->query("SELECT COUNT(*) AS n FROM appointments WHERE status = ?", {status}));
  return expect_ok(rs[0].get<int64_t>("n"));
}

}  // namespace

VOICE_CASE("a cancel repeated after the session was killed answers the same", "[session]") {
  voice_node n{db};
  auto booked =
      n.call("book_appointment", {{"date", "2026-12-02"}, {"time", "10:00"}}, "call_tree");
  REQUIRE(booked["success"] == true);
  auto id = booked["data"]["appointment_id"];
  auto cancelled = n.call("cancel_appointment", {{"appointment_id", id}}, "call_tree");
  INFO(cancelled.dump());
  REQUIRE(cancelled["success"] == true);
  kill_session(n, session_path);
  auto by_id = n.call("cancel_appointment", {{"appointment_id", id}}, "call_tree");
  INFO(by_id.dump());
  CHECK(by_id == cancelled);
  kill_session(n, session_path);
  auto by_date = n.call("cancel_appointment", {{"date", "2026-12-02"}}, "call_tree");
  INFO(by_date.dump());
  CHECK(by_date == cancelled);
  // Another caller still cannot touch it, cancelled or not.
  auto stranger =
      n.call("cancel_appointment", {{"appointment_id", id}}, "call_other", "+4915199999999");
  CHECK(stranger["error"]["code"] == "not_found");
  // An id that exists nowhere answers exactly as another customer's: existence does not leak.
  auto nowhere =
      n.call("cancel_appointment", {{"appointment_id", "987654"}}, "call_other", "+4915199999999");
  CHECK(nowhere == stranger);
  CHECK(count_appointments(db, "cancelled") == 1);
  CHECK(count_booked(db) == 0);
}

VOICE_CASE("a reschedule repeated after the session was killed answers the same", "[session]") {
  voice_node n{db};
  auto booked =
      n.call("book_appointment", {{"date", "2026-12-03"}, {"time", "10:00"}}, "call_tree");
  REQUIRE(booked["success"] == true);
  const json move{{"appointment_id", booked["data"]["appointment_id"]},
                  {"new_date", "2026-12-03"},
                  {"new_time", "15:00"}};
  auto moved = n.call("reschedule_appointment", move, "call_tree");
  INFO(moved.dump());
  REQUIRE(moved["success"] == true);
  CHECK(moved["data"]["start"] == "2026-12-03T15:00:00+01:00");
  kill_session(n, session_path);
  auto again = n.call("reschedule_appointment", move, "call_tree");
  INFO(again.dump());
  CHECK(again == moved);
  kill_session(n, session_path);
  auto by_old_date = n.call(
      "reschedule_appointment",
      {{"old_date", "2026-12-03"}, {"new_date", "2026-12-03"}, {"new_time", "15:00"}}, "call_tree");
  INFO(by_old_date.dump());
  CHECK(by_old_date == moved);
  CHECK(count_booked(db) == 1);
  CHECK(count_appointments(db, "rescheduled") == 1);
}

namespace {

std::vector<std::string> idle_tick(voice_node& n) {
  return expect_ok(runtime::ask<std::vector<std::string>>(
      n.sys(), n.registry()->actor_at("/directory"), 10s, actors::tenant::idle_tick_atom::value));
}

}  // namespace

VOICE_CASE("a tenant with a live call session is not stopped as idle until the call ends",
           "[session][idle]") {
  voice_node n{db};
  auto started = n.post("/webhooks/retell", retell_client::event("call_started", "call_tree",
                                                                 caller_number, salon_number));
  REQUIRE(started);
  REQUIRE(started->status == 204);
  REQUIRE(eventually([&] { return bool(n.registry()->actor_at(session_path)); }));
  // No booking request nor lookup for longer than tenant_idle_s (600 s), the call still on.
  n.clock().advance(std::chrono::seconds{601});
  CHECK(idle_tick(n).empty());
  n.clock().advance(std::chrono::seconds{600});
  CHECK(idle_tick(n).empty());
  REQUIRE(n.registry()->actor_at(session_path));
  CHECK(n.registry()->find("/tenants/salon/booking"));
  auto ended = n.post("/webhooks/retell",
                      retell_client::event("call_ended", "call_tree", caller_number, salon_number));
  REQUIRE(ended);
  REQUIRE(ended->status == 204);
  REQUIRE(eventually([&] { return !n.registry()->actor_at(session_path); }));
  CHECK(idle_tick(n) == std::vector<std::string>{"salon"});
  CHECK(eventually([&] { return !n.registry()->find("/tenants/salon"); }));
}
