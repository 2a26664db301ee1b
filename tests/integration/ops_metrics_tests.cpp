// GET /metrics after a known workload: every counter moves by exactly what the workload did
// (calls, call seconds, webhooks by outcome, functions by outcome, bookings, HTTP requests by
// route and status), the tree's gauges describe this node, and promtool accepts the text.
#include "tests/integration/ops_fixture.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <thread>

using namespace askpro;
using namespace askpro::test;
using fakes::retell_client;
using nlohmann::json;

namespace {

const std::string functions_ok =
    R"(askpro_http_requests_total{route="/webhooks/retell/functions",method="POST",status="200"})";

void event(voice_node& n, const std::string& name, const std::string& call_id, int status,
           const json& extra = json::object()) {
  auto res = n.post("/webhooks/retell",
                    retell_client::event(name, call_id, caller_number, salon_number, extra));
  REQUIRE(res);
  INFO(name << ": " << res->body);
  REQUIRE(res->status == status);
}

/// The workload whose effects the test counts.
void play(voice_node& n) {
  event(n, "call_started", "call_metrics", 204);
  event(n, "call_started", "call_metrics", 204);  // redelivered
  auto forged = n.post_raw(
      "/webhooks/retell",
      retell_client::event("call_started", "call_forged", caller_number, salon_number).dump(),
      {{"x-retell-signature", "v=1,d=00"}});
  REQUIRE(forged);
  REQUIRE(forged->status == 401);
  REQUIRE(n.call("get_current_context", json::object(), "call_metrics")["success"] == true);
  REQUIRE(n.call("get_current_context_v3", json::object(), "call_metrics")["success"] == true);
  const json booking{
      {"date", "2026-12-02"}, {"time", "10:00"}, {"service", "cut"}, {"name", "Erika"}};
  REQUIRE(n.call("book_appointment", booking, "call_metrics")["success"] == true);
  REQUIRE(n.call("book_appointment", booking, "call_metrics")["success"] == true);  // retried
  REQUIRE(n.call("frobnicate", json::object(), "call_metrics")["success"] == false);
  event(
      n, "call_ended", "call_metrics", 204,
      {{"call_status", "ended"}, {"duration_ms", 61500}, {"disconnection_reason", "user_hangup"}});
}

const std::string retell_204 =
    R"(askpro_http_requests_total{route="/webhooks/retell",method="POST",status="204"})";
const std::string retell_401 =
    R"(askpro_http_requests_total{route="/webhooks/retell",method="POST",status="401"})";

/// Scrapes until the access log counted every request of the workload (httplib logs a request
/// after writing its response, so the last ones may lag the client by a moment), at most a few
/// seconds; the exact checks follow.
samples settled(ops_client& ops, const samples& before) {
  const std::vector<std::pair<std::string, double>> awaited{
      {functions_ok, 5}, {retell_204, 3}, {retell_401, 1}};
  auto done = [&](const samples& now) {
    for (const auto& [key, n] : awaited)
      if (delta(before, now, key) < n) return false;
    return true;
  };
  auto after = parse_samples(ops.scrape());
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{5};
  while (!done(after) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds{10});  // polling an outcome
    after = parse_samples(ops.scrape());
  }
  return after;
}

int promtool_check(const std::string& text) {
  const std::string path = "ops_metrics_scrape.prom";
  std::ofstream(path) << text;
  const std::string cmd = "promtool check metrics < " + path + " > ops_metrics_promtool.out 2>&1";
  return std::system(cmd.c_str());
}

}  // namespace

TEST_CASE("metrics move by exactly the workload and pass promtool", "[ops][metrics]") {
  with_sqlite([](backend& db) {
    voice_node n{db};
    ops_client ops{n};
    const auto before = parse_samples(ops.scrape());
    play(n);
    const auto after = settled(ops, before);
    auto d = [&](const std::string& key) { return delta(before, after, key); };
    CHECK(d(R"(askpro_calls_total{tenant="salon"})") == 1);
    CHECK(d(R"(askpro_call_seconds_total{tenant="salon"})") == Approx(61.5));
    CHECK(d(R"(askpro_webhooks_total{provider="retell",outcome="accepted"})") == 2);
    CHECK(d(R"(askpro_webhooks_total{provider="retell",outcome="duplicate"})") == 1);
    CHECK(d(R"(askpro_webhooks_total{provider="retell",outcome="bad_signature"})") == 1);
    CHECK(d(R"(askpro_function_calls_total{function="get_current_context",outcome="ok"})") == 2);
    CHECK(d(R"(askpro_function_calls_total{function="book_appointment",outcome="ok"})") == 2);
    CHECK(d(R"(askpro_function_calls_total{function="unknown",outcome="unknown_function"})") == 1);
    CHECK(d(R"(askpro_function_duration_seconds_count{function="book_appointment"})") == 2);
    CHECK(d(R"(askpro_bookings_total{tenant="salon",source="phone"})") == 1);
    CHECK(d(functions_ok) == 5);
    CHECK(d(retell_204) == 3);
    CHECK(d(retell_401) == 1);
    CHECK(d(R"(askpro_http_request_duration_seconds_count{route="/webhooks/retell/functions"})") ==
          5);
    // The tree's gauges are this node's: one tenant with its booking actor and calendars.
    CHECK(after.at(R"(askpro_actors{kind="booking"})") == 1);
    CHECK(after.at(R"(askpro_actors{kind="breaker"})") >= 1);
    CHECK(after.at(R"(askpro_breaker_state{breaker="/tenants/salon/calendars/mitte/breaker"})") ==
          0);
    CHECK(after.count(R"(askpro_mailbox_depth_max{kind="call"})") == 1);
    const auto text = ops.scrape();
    INFO(text.substr(0, 2000));
    CHECK(promtool_check(text) == 0);
  });
}

TEST_CASE("metrics are behind the ops token", "[ops][metrics]") {
  with_sqlite([](backend& db) {
    voice_node n{db};
    ops_client stranger{n, "wrong"};
    auto res = stranger.get("/metrics");
    REQUIRE(res);
    CHECK(res->status == 401);
    CHECK(res->body.find("askpro_") == std::string::npos);
  });
}
