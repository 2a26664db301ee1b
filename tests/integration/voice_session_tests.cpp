// The call-session actors in the tree: visible in /ops/actors during the call, gone after
// call_ended plus the grace period, and replaced when killed mid-call (SQLite and MariaDB).
#include "tests/integration/http_fixture.hpp"
#include "tests/integration/voice_fixture.hpp"

#include <caf/all.hpp>
#include <catch2/catch.hpp>

#include <algorithm>

using namespace askpro;
using namespace askpro::test;
using fakes::retell_client;

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
  CHECK(in_ops_tree(n, session_path));
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
