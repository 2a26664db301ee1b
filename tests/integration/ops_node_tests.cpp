// The ops API on a live node (SQLite): the tree's figures of a call session, breakers opened and
// reset (the caller hears the calendar is unavailable meanwhile, readiness stays 200 and names
// the breaker), an actor restarted and one stopped, the refusals, and the log of each action.
#include "tests/integration/log_capture.hpp"
#include "tests/integration/ops_fixture.hpp"

#include <catch2/catch.hpp>

using namespace askpro;
using namespace askpro::test;
using nlohmann::json;

namespace {

const json slot_args{{"date", "2026-12-02"}, {"time", "10:00"}, {"service", "cut"}};

json post_json(ops_client& ops, const std::string& path, int status,
               const httplib::Headers& extra = {}) {
  auto res = ops.post(path, extra);
  REQUIRE(res);
  INFO(path << ": " << res->body);
  REQUIRE(res->status == status);
  return json::parse(res->body);
}

json readiness(const voice_node& n) {
  httplib::Client api("127.0.0.1", n.client_port());
  auto res = api.Get("/api/health/ready");
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 200);
  return json::parse(res->body);
}

}  // namespace

TEST_CASE("ops shows a live call session with its mailbox and handled count", "[ops]") {
  with_sqlite([](backend& db) {
    voice_node n{db};
    ops_client ops{n};
    REQUIRE(n.call("get_current_context", json::object(), "call_ops")["success"] == true);
    auto call = ops.get_json("/ops/actors/tenants/salon/calls/call_ops");
    CHECK(call["kind"] == "call");
    CHECK(call["status"] == "running");
    CHECK(call["responsive"] == true);
    CHECK(call["mailbox"] == 0);
    CHECK(call["handled"].get<int>() >= 2);  // the function and this inspect
    CHECK(call["state"]["call_id"] == "call_ops");
    CHECK(call["state"]["functions"] == 1);
    auto tree = ops.get_json("/ops/actors");
    CHECK(tree["path"] == "/");
    CHECK(tree["mailbox"].is_number());
    CHECK(tree["handled"].is_number());
  });
}

TEST_CASE("ops opens and resets a breaker; readiness names it and stays 200", "[ops]") {
  with_sqlite([](backend& db) {
    voice_node n{db};
    ops_client ops{n};
    testing::log_capture logs;
    REQUIRE(n.call("check_availability", slot_args, "call_brk")["success"] == true);
    CHECK(readiness(n)["status"] == "ready");
    auto opened = post_json(ops, std::string{"/ops/breakers"} + mitte_breaker + "/open", 200,
                            {{"X-Request-Id", "ops-open-1"}});
    CHECK(opened["path"] == mitte_breaker);
    CHECK(opened["state"]["breaker"] == "open");
    auto refused = n.call("check_availability", slot_args, "call_brk");
    CHECK(refused["success"] == false);
    CHECK(refused["error"]["code"] == "calendar_unavailable");
    auto degraded = readiness(n);
    CHECK(degraded["status"] == "degraded");
    CHECK(degraded["checks"]["database"] == "ok");
    REQUIRE(degraded["open_breakers"].size() == 1);
    CHECK(degraded["open_breakers"][0]["breaker"] == mitte_breaker);
    CHECK(degraded["open_breakers"][0]["state"] == "open");
    auto reset = post_json(ops, std::string{"/ops/breakers"} + mitte_breaker + "/reset", 200);
    CHECK(reset["state"]["breaker"] == "closed");
    CHECK(n.call("check_availability", slot_args, "call_brk")["success"] == true);
    CHECK(readiness(n)["open_breakers"].empty());
    auto line = logs.wait_for(std::string{"ops: open "} + mitte_breaker, std::chrono::seconds{5});
    REQUIRE(line);
    CHECK(line->message.find("by tester@127.0.0.1") != std::string::npos);
    CHECK(line->correlation_id == "ops-open-1");
  });
}

TEST_CASE("ops restarts and stops actors and refuses what cannot be done", "[ops]") {
  with_sqlite([](backend& db) {
    voice_node n{db};
    ops_client ops{n};
    REQUIRE(n.call("get_current_context", json::object(), "call_stop")["success"] == true);
    auto restarted = post_json(ops, "/ops/actors/tenants/salon/booking/restart", 200);
    CHECK(restarted["restarts"] == 1);
    CHECK(restarted["status"] == "running");
    CHECK(restarted["responsive"] == true);
    auto stopped = post_json(ops, "/ops/actors/tenants/salon/calls/call_stop/stop", 200);
    CHECK(stopped["status"] == "stopped");
    CHECK(ops.get("/ops/actors/tenants/salon/calls/call_stop")->status == 404);
    CHECK(post_json(ops, "/ops/actors/restart", 409)["code"] == "conflict");  // the root
    CHECK(post_json(ops, "/ops/actors/stop", 409)["code"] == "conflict");
    CHECK(post_json(ops, "/ops/actors/tenants/nope/restart", 404)["code"] == "not_found");
    CHECK(post_json(ops, "/ops/breakers/tenants/salon/booking/open", 404)["code"] == "not_found");
    // A booking after the restart is served by the new incarnation.
    auto booked =
        n.call("book_appointment",
               {{"date", "2026-12-02"}, {"time", "11:00"}, {"service", "cut"}, {"name", "Erika"}},
               "call_after");
    CHECK(booked["success"] == true);
  });
}

TEST_CASE("ops actions need the token", "[ops]") {
  with_sqlite([](backend& db) {
    voice_node n{db};
    REQUIRE(n.call("get_current_context", json::object(), "call_token")["success"] == true);
    ops_client stranger{n, "wrong"};
    auto res = stranger.post(std::string{"/ops/breakers"} + mitte_breaker + "/open");
    REQUIRE(res);
    CHECK(res->status == 401);
    ops_client ops{n};
    CHECK(ops.get_json(std::string{"/ops/actors"} + mitte_breaker)["state"]["breaker"] == "closed");
  });
}
