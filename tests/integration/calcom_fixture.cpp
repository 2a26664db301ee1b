#include "tests/integration/calcom_fixture.hpp"

#include "net/calcom/calcom_calendar.hpp"
#include "net/calcom/redis_gate.hpp"
#include "net/calcom/signature.hpp"
#include "persistence/redis_actor.hpp"
#include "runtime/atoms.hpp"
#include "runtime/breaker_fsm.hpp"
#include "runtime/bridge.hpp"
#include "tests/unit/persistence/actor_fixture.hpp"

#include <caf/all.hpp>

#include <unistd.h>
#include <catch2/catch.hpp>

namespace askpro::test {
namespace {

std::string calendar_json(const std::string& key, const std::string& secret,
                          const std::string& url) {
  return nlohmann::json{{"api_key", key}, {"webhook_secret", secret}, {"base_url", url}}.dump();
}

persistence::tenant_catalog other_catalog(const std::string& url) {
  auto c = salon_catalog();
  c.company.slug = "other";
  c.company.name = "Other Salon";
  c.branches[0].slug = "zentrum";
  c.branches[0].phone_numbers = {"+49302220000"};
  c.branches[0].calendar_provider = "calcom";
  c.branches[0].calendar_config = calendar_json("cal_live_other", other_hook_secret, url);
  c.services[0].calcom_event_type_id = 1301;
  for (auto& s : c.staff) s.branch_slug = "zentrum";
  return c;
}

void seed_calcom(const backend& db, const std::string& url) {
  auto salon = salon_catalog();
  salon.branches[0].calendar_provider = "calcom";
  salon.branches[0].calendar_config = calendar_json(salon_cal_key, salon_hook_secret, url);
  salon.services[0].calcom_event_type_id = cut_event_type;
  seed_catalog(db, salon);
  seed_catalog(db, other_catalog(url));
  auto conn = db.connect();
  expect_ok(conn->execute("UPDATE companies SET retell_api_key = ? WHERE slug = 'salon'",
                          {std::string{salon_key}}));
}

/// The node's options; with a Redis URL the gates, the shared slot cache and its invalidations
/// go through that Redis under names of this environment's own (`prefix`).
voice_node_options options_for(const std::string& url, const config::calcom_settings& s,
                               const std::string& redis_url, const std::string& prefix) {
  config::settings settings;
  settings.calcom = s;
  settings.providers.calcom_base_url = url;
  settings.redis.url = redis_url;
  voice_node_options o;
  o.seed = [url](const backend& db) { seed_calcom(db, url); };
  o.remote = [settings, prefix](caf::actor_system& sys, const runtime::registry_ptr& reg) {
    return net::calcom::make_remote_calendars(
        settings, net::calcom::make_sharing(settings, sys, reg, prefix));
  };
  o.calcom_webhooks = true;
  return o;
}

}  // namespace

config::calcom_settings calcom_test_settings() {
  config::calcom_settings s;
  s.timeout = std::chrono::milliseconds{400};
  s.rate_per_min = 120;
  s.breaker_failures = 3;
  s.breaker_reset = std::chrono::seconds{10};
  s.breaker_reset_max = std::chrono::seconds{40};
  s.cache_ttl = std::chrono::seconds{30};
  return s;
}

calcom_env::calcom_env(const backend& db, config::calcom_settings s, const std::string& redis_url)
    : prefix_("askpro:test:calcom:" + std::to_string(::getpid()) + ":" +
              std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + ":"),
      redis_url_(redis_url),
      settings_(s) {
  fake.control("event_types", nlohmann::json::parse(R"([
    {"id": 1201, "length": 30, "timezone": "Europe/Berlin", "step": 30,
     "hours": {"mon": [["09:00", "18:00"]], "tue": [["09:00", "18:00"]],
               "wed": [["09:00", "18:00"]], "thu": [["09:00", "18:00"]],
               "fri": [["09:00", "18:00"]], "sat": [["09:00", "18:00"]]}},
    {"id": 1301, "length": 30, "timezone": "Europe/Berlin", "step": 30,
     "hours": {"mon": [["09:00", "18:00"]], "tue": [["09:00", "18:00"]]}}])"));
  node = another_node(db);
}

std::unique_ptr<voice_node> calcom_env::another_node(const backend& db) {
  auto n = std::make_unique<voice_node>(
      db, options_for(fake.base_url(), settings_, redis_url_, prefix_));
  if (redis_url_.empty()) return n;
  auto redis = persistence::spawn_redis(n->sys(), persistence::parse_redis_url(redis_url_));
  n->registry()->put({"/redis", "redis", "/", runtime::node_status::running, {}, 0, {}, redis});
  redis_.push_back({n.get(), redis});
  return n;
}

void calcom_env::release(voice_node& n) {
  for (auto& [owner, redis] : redis_)
    if (owner == &n && redis) {
      n.registry()->remove_subtree("/redis");
      stop_and_wait(n.sys(), redis, caf::exit_reason::kill);
      redis = nullptr;
    }
}

int64_t calcom_env::invalidation_subscribers() {
  auto reply = runtime::ask<persistence::redis_reply>(
      node->sys(), node->registry()->actor_at("/redis"), std::chrono::seconds{5},
      persistence::redis_cmd_atom::value,
      std::vector<std::string>{"PUBSUB", "NUMSUB", prefix_ + "invalidate"});
  if (!reply || reply->elements.size() != 2) return -1;
  return reply->elements[1].integer;
}

calcom_env::~calcom_env() {
  if (node) release(*node);
}

nlohmann::json calcom_env::fake_bookings() {
  return fake.read("bookings");
}

int64_t calcom_env::fake_requests() {
  return fake.read("stats")["requests_total"].get<int64_t>();
}

httplib::Result calcom_env::webhook(const std::string& tenant, const std::string& branch,
                                    const nlohmann::json& body, const std::string& secret) {
  auto text = body.dump();
  httplib::Headers headers;
  if (!secret.empty())
    headers.emplace(std::string{net::calcom::signature_header}, net::calcom::sign(secret, text));
  return node->post_raw("/webhooks/calcom/" + tenant + "/" + branch, text, headers);
}

std::string calcom_env::breaker_state() {
  auto breaker = node->registry()->actor_at("/tenants/salon/calendars/mitte/breaker");
  auto state = runtime::ask<std::string>(node->sys(), breaker, std::chrono::seconds{5},
                                         runtime::breaker_state_atom::value);
  return state ? *state : "unreachable";
}

nlohmann::json hook(const std::string& trigger, const nlohmann::json& payload) {
  return {
      {"triggerEvent", trigger}, {"createdAt", "2026-12-01T08:00:00.000Z"}, {"payload", payload}};
}

nlohmann::json appointment_by_uid(const backend& db, const std::string& uid) {
  auto conn = db.connect();
  auto rs = expect_ok(conn->query(
      "SELECT id, company_id, status, source, start_at, end_at, request_key, customer_id "
      "FROM appointments WHERE external_uid = ?",
      {uid}));
  if (rs.empty()) return nullptr;
  const auto& r = rs[0];
  return {{"id", expect_ok(r.get<int64_t>("id"))},
          {"company_id", expect_ok(r.get<int64_t>("company_id"))},
          {"status", expect_ok(r.get<std::string>("status"))},
          {"source", expect_ok(r.get<std::string>("source"))},
          {"start_at", expect_ok(r.get<int64_t>("start_at"))}};
}

}  // namespace askpro::test
