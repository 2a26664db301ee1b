// Tenant API rate limits per token with the in-process bucket on a manual clock: 429 problem
// with Retry-After, other tokens unaffected, admitted again once the clock moves.
#include "actors/tenant/api_token.hpp"
#include "net/http/rate_limit_redis.hpp"
#include "persistence/redis_actor.hpp"
#include "persistence/repo/token_repo.hpp"
#include "tests/integration/api_call_fixture.hpp"
#include "tests/support/services.hpp"
#include "tests/unit/persistence/actor_fixture.hpp"

#include <caf/all.hpp>

#include <unistd.h>

using nlohmann::json;
using namespace askpro::test;
using namespace std::chrono_literals;
using namespace askpro;

namespace {

/// The stored id of a token secret (the limiter's key is "token:<id>").
int64_t token_id(const backend& db, const std::string& secret) {
  auto conn = db.connect();
  auto found = expect_ok(persistence::find_token(*conn, actors::tenant::token_hash(secret)));
  REQUIRE(found);
  return found->id;
}

/// Stops an actor of a node's system before the node goes (even when a REQUIRE ends the test
/// early): a live actor or a handle outliving the system blocks its shutdown.
struct actor_stopper {
  caf::actor_system& sys;
  caf::actor& actor;
  ~actor_stopper() { stop(); }
  bool stop() {
    bool gone = !actor || stop_and_wait(sys, actor, caf::exit_reason::kill);
    actor = nullptr;
    return gone;
  }
};

}  // namespace

API_CASE("api rate limit: 429 with Retry-After until the bucket refills", "[limit]") {
  api_node node{db, {0.5, 3.0}};
  auto token = node.token("salon", "read");
  for (int i = 0; i < 3; ++i) CHECK(node.get("/api/v2/customers", token)->status == 200);
  auto refused = node.get("/api/v2/customers", token);
  REQUIRE(refused);
  CHECK(refused->status == 429);
  CHECK(refused->get_header_value("Retry-After") == "2");
  CHECK(refused->get_header_value("Content-Type") == "application/problem+json");
  CHECK(json::parse(refused->body)["code"] == "rate_limited");
  CHECK(node.get("/api/v2/calls", node.token("salon", "read"))->status == 200);  // own bucket
  node.clock().advance(1s);
  CHECK(node.get("/api/v2/customers", token)->get_header_value("Retry-After") == "1");
  node.clock().advance(1s);
  CHECK(node.get("/api/v2/customers", token)->status == 200);
  CHECK(node.get("/api/v2/openapi.json", "")->status == 200);  // public, not limited
}

API_CASE("api rate limit: buckets shared through Redis, per node while Redis is gone", "[limit]") {
  ASKPRO_NEED_REDIS(url);
  const std::string prefix =
      "askpro:test:api-limit:" + std::to_string(::getpid()) + ":" + db.name() + ":";
  caf::actor redis;
  api_node node{
      db, [&](caf::actor_system& sys, const runtime::registry_ptr& reg,
              const runtime::clock_ptr& clock) {
        redis = persistence::spawn_redis(sys, persistence::parse_redis_url(url));
        reg->put({"/redis", "redis", "/", runtime::node_status::running, {}, 0, {}, redis});
        net::http::redis_rate_options o;
        o.key_prefix = prefix;
        o.timeout = 2s;
        return std::make_shared<net::http::redis_rate_limiter>(net::http::rate_limit_spec{0.5, 2.0},
                                                               clock, sys, reg, o);
      }};
  actor_stopper stop_redis{node.sys(), redis};
  auto token = node.token("salon", "read");
  for (int i = 0; i < 2; ++i) CHECK(node.get("/api/v2/customers", token)->status == 200);
  auto refused = node.get("/api/v2/customers", token);
  REQUIRE(refused);
  CHECK(refused->status == 429);
  CHECK(refused->get_header_value("Retry-After") == "2");
  CHECK(json::parse(refused->body)["code"] == "rate_limited");
  // Another node (its own limiter on the same Redis) sees the same empty bucket.
  net::http::redis_rate_options o;
  o.key_prefix = prefix;
  runtime::clock_ptr same_clock{&node.clock(), [](const runtime::clock*) {}};
  net::http::redis_rate_limiter other{{0.5, 2.0}, same_clock, node.sys(), node.registry(), o};
  CHECK_FALSE(other.take("token:" + std::to_string(token_id(db, token))).allowed);
  // Redis gone: requests are decided per node and still answered.
  node.registry()->remove_subtree("/redis");
  REQUIRE(stop_redis.stop());
  node.clock().advance(10s);
  CHECK(node.get("/api/v2/customers", token)->status == 200);
}
