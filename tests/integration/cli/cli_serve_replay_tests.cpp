// `askpro serve` replays the webhook inbox before it listens: a Retell call_ended recorded but
// never applied (the process died after answering 204) shows on the call record once the real
// binary has started (SQLite site).
#include "persistence/repo/inbox_repo.hpp"
#include "tests/integration/cli/cli_runner.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

using namespace askpro;
using namespace askpro::test;

namespace {

const char* const demo_number = "+493091204410";

std::string ended_body(const std::string& call_id) {
  nlohmann::json call{{"call_id", call_id},
                      {"agent_id", "agent_1"},
                      {"direction", "inbound"},
                      {"from_number", "+4915112345678"},
                      {"to_number", demo_number},
                      {"call_status", "ended"},
                      {"duration_ms", 90000},
                      {"disconnection_reason", "user_hangup"},
                      {"start_timestamp", 1764576000000},
                      {"end_timestamp", 1764576090000}};
  return nlohmann::json{{"event", "call_ended"}, {"call", call}}.dump();
}

/// The call's status once it is ended, polled until `deadline` ("" when it never was).
std::string wait_for_end(const cli_site& site, const std::string& call_id,
                         std::chrono::steady_clock::time_point deadline) {
  while (std::chrono::steady_clock::now() < deadline) {
    auto rows = site.connect()->query(
        "SELECT status, duration_ms, disconnection_reason FROM calls WHERE retell_call_id = ?",
        {call_id});
    if (rows && !rows->empty()) {
      auto status = (*rows)[0].get<std::string>("status");
      auto duration = (*rows)[0].nullable<int64_t>("duration_ms");
      if (status && *status == "ended" && duration && *duration == 90000) return *status;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds{50});  // polling an outcome
  }
  return {};
}

}  // namespace

TEST_CASE("serve applies an unprocessed inbox event at start-up", "[serve][replay]") {
  cli_site site;
  REQUIRE(
      site.run({"tenant", "apply", site.write_file("demo.json", demo_tenant_text())}).exit_code ==
      0);
  {
    auto conn = site.connect();
    auto rec = persistence::record_event(*conn, "retell", "call_crash", "call_ended",
                                         ended_body("call_crash"), 1764576095000);
    REQUIRE(rec);
    REQUIRE(rec->fresh);
  }
  REQUIRE(site.count("calls") == 0);
  serve_process serve{site};
  auto status =
      wait_for_end(site, "call_crash", std::chrono::steady_clock::now() + std::chrono::seconds{30});
  CHECK(serve.stop() == 0);
  CHECK(status == "ended");
  auto pending =
      site.connect()->query("SELECT COUNT(*) AS n FROM webhook_inbox WHERE processed_at IS NULL");
  REQUIRE(pending);
  auto n = (*pending)[0].get<int64_t>("n");
  REQUIRE(n);
  CHECK(*n == 0);
  CHECK(site.count("calls") == 1);
}
