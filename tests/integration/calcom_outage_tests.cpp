// A Cal.com branch's breaker in anger (SQLite and MariaDB): failures open it, then functions
// fail fast without reaching Cal.com, the half-open trial after the reset timeout (moved on the
// manual clock) closes it again once Cal.com recovers; a hanging Cal.com counts as failing; a
// burst of 500 distinct availability checks never puts more than 120 requests into any 60 s
// window at Cal.com, and every caller still gets an HTTP 200 answer.
#include "runtime/atoms.hpp"
#include "runtime/bridge.hpp"
#include "tests/integration/calcom_fixture.hpp"
#include "tests/support/services.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace {

using namespace askpro::test;
using askpro::fakes::retell_client;
using nlohmann::json;
using steady = std::chrono::steady_clock;

json day_args(int d) {
  char date[16];
  std::snprintf(date, sizeof date, "2026-12-%02d", d);
  return {{"date", date}, {"time", "10:00"}, {"service", "cut"}};
}

/// check_availability of cut on day `d` of December 2026 at 10:00 from call `id`.
json check_day(calcom_env& env, int d, const std::string& id) {
  return env.node->call("check_availability", day_args(d), id);
}

/// The same from any thread (no Catch2 assertions there): the envelope of an HTTP 200 answer,
/// null otherwise.
json check_day_quietly(calcom_env& env, int d, const std::string& id) {
  auto res = env.node->post(
      "/webhooks/retell/functions",
      retell_client::function("check_availability", day_args(d), id, caller_number, salon_number));
  if (!res || res->status != 200) return nullptr;
  return json::parse(res->body, nullptr, false);
}

}  // namespace

VOICE_CASE("Cal.com outage: the breaker opens, fails fast, tries half-open and closes",
           "[calcom][breaker]") {
  calcom_env env{db};
  env.fake.control("faults", {{"fail_500", -1}});
  for (int d = 2; d <= 4; ++d) {  // three distinct days: no cache hit
    auto r = check_day(env, d, "call_out");
    CHECK(r["success"] == false);
    CHECK(r["error"]["code"] == "calendar_unavailable");
  }
  CHECK(env.breaker_state() == "open");

  env.fake.control("clear_log");
  auto started = steady::now();
  auto fast = check_day(env, 5, "call_out");
  auto took = steady::now() - started;
  CHECK(fast["error"]["code"] == "calendar_unavailable");
  CHECK(fast["message"].get<std::string>().find("zurück") != std::string::npos);  // a callback
  CHECK(took < std::chrono::seconds{1});
  CHECK(env.fake_requests() == 0);
  // request_callback keeps working while the calendar is down.
  auto callback = env.node->call("request_callback", {{"reason", "Termin"}}, "call_out");
  CHECK(callback["success"] == true);

  // After the reset timeout one trial goes through; Cal.com is back, so it closes.
  env.fake.control("faults", {{"clear", true}});
  env.node->clock().advance(std::chrono::seconds{11});
  auto trial = check_day(env, 7, "call_out");
  INFO(trial.dump());
  CHECK(trial["success"] == true);
  CHECK(env.breaker_state() == "closed");
}

VOICE_CASE("Cal.com hanging past the time-out counts as a failure", "[calcom][breaker]") {
  calcom_env env{db};
  env.fake.control("faults", {{"hang", true}});
  for (int d = 2; d <= 4; ++d) {
    auto r = check_day(env, d, "call_hang");
    CHECK(r["error"]["code"] == "calendar_unavailable");
  }
  CHECK(env.breaker_state() == "open");
  env.fake.control("faults", {{"clear", true}});
}

namespace {

/// 500 distinct checks from 20 callers at once with no cache: at most 120 reach Cal.com in
/// any minute, every caller is answered, the breaker stays closed.
void burst(const backend& db, const std::string& redis_url) {
  auto settings = calcom_test_settings();
  settings.cache_ttl = std::chrono::milliseconds{0};  // every check asks Cal.com
  calcom_env env{db, settings, redis_url};
  std::atomic<int> answered{0}, available{0}, refused{0};
  std::vector<std::thread> callers;
  for (int t = 0; t < 20; ++t)
    callers.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        auto r = check_day_quietly(env, 2 + (t * 25 + i) % 28, "call_burst_" + std::to_string(t));
        if (!r.is_object()) continue;
        ++answered;
        if (r["success"] == true)
          ++available;
        else if (r["error"]["code"] == "calendar_unavailable")
          ++refused;
      }
    });
  for (auto& c : callers) c.join();
  CHECK(answered == 500);
  auto stats = env.fake.read("stats");
  INFO(stats.dump());
  CHECK(stats["max_in_any_60s"][salon_cal_key] <= 120);
  CHECK(stats["rejected_429"] == 0);
  CHECK(available + refused == 500);
  CHECK(available >= 100);                 // the budget was used …
  CHECK(env.breaker_state() == "closed");  // … and our own throttling is no Cal.com failure
}

}  // namespace

VOICE_CASE("a burst of 500 distinct checks keeps Cal.com under 120 requests a minute",
           "[calcom][limit]") {
  burst(db, {});
}

VOICE_CASE("the same burst with the API key's window shared through Redis", "[calcom][limit]") {
  ASKPRO_NEED_REDIS(url);
  burst(db, url);
}

VOICE_CASE("Cal.com's own 429 pauses the API key: nothing more goes out until Retry-After",
           "[calcom][limit]") {
  auto settings = calcom_test_settings();
  settings.cache_ttl = std::chrono::milliseconds{0};
  calcom_env env{db, settings};
  env.fake.control("limit", {{"per_min", 2}});
  CHECK(check_day(env, 2, "call_429")["success"] == true);
  CHECK(check_day(env, 3, "call_429")["success"] == true);
  auto limited = check_day(env, 4, "call_429");  // Cal.com answers 429 with Retry-After
  CHECK(limited["error"]["code"] == "calendar_unavailable");
  auto before = env.fake_requests();
  auto held = check_day(env, 5, "call_429");  // paused: never sent
  CHECK(held["error"]["code"] == "calendar_unavailable");
  CHECK(env.fake_requests() == before);
  CHECK(env.fake.read("stats")["rejected_429"] == 1);
  CHECK(env.breaker_state() == "closed");
}

VOICE_CASE("Cal.com refusing the API key is a configuration error, not an outage",
           "[calcom][breaker]") {
  calcom_env env{db};
  env.fake.control("faults", {{"unauthorized", true}});
  for (int d = 2; d <= 6; ++d) {
    auto r = check_day(env, d, "call_key");
    CHECK(r["success"] == false);
    CHECK(r["error"]["code"] == "calendar_unavailable");  // the caller hears: call back
  }
  CHECK(env.breaker_state() == "closed");  // retrying cannot help: not counted
  auto conn = env.node->registry()->actor_at("/tenants/salon/calendars/mitte/breaker/conn");
  auto state = askpro::runtime::ask<std::string>(env.node->sys(), conn, std::chrono::seconds{5},
                                                 askpro::runtime::inspect_atom::value);
  REQUIRE(state);
  auto j = json::parse(*state);
  CHECK(j["last_error"] == "config");
  CHECK(state->find("cal_live_salon") == std::string::npos);  // no secret in inspection
}
