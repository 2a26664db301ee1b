// The Redis-shared token bucket against a real Redis, driven by a manual clock: two limiters
// (two nodes) share one bucket; without Redis the local bucket decides and nothing is refused
// because of the outage.
#include "net/http/rate_limit_redis.hpp"
#include "persistence/redis_actor.hpp"
#include "runtime/bridge.hpp"
#include "tests/support/services.hpp"

#include <caf/all.hpp>
#include <catch2/catch.hpp>

#include <unistd.h>

using namespace askpro;
using namespace std::chrono_literals;
using net::http::rate_limit_spec;
using net::http::redis_rate_limiter;
using net::http::redis_rate_options;

namespace {

/// An actor system with one Redis actor per simulated node, each in its own registry.
struct redis_nodes {
  caf::actor_system_config cfg;
  caf::actor_system sys{cfg};
  std::vector<caf::actor> actors;

  ~redis_nodes() {
    for (auto& a : actors) caf::anon_send_exit(a, caf::exit_reason::kill);
  }

  /// A registry holding a fresh Redis actor for `url` at /redis.
  runtime::registry_ptr node(const std::string& url) {
    auto reg = std::make_shared<runtime::tree_registry>();
    auto actor = persistence::spawn_redis(sys, persistence::parse_redis_url(url));
    actors.push_back(actor);
    reg->put({"/redis", "redis", "/", runtime::node_status::running, {}, 0, {}, actor});
    return reg;
  }

  persistence::redis_reply cmd(const caf::actor& redis, std::vector<std::string> argv) {
    auto r = runtime::ask<persistence::redis_reply>(sys, redis, 5s,
                                                    persistence::redis_cmd_atom::value, argv);
    REQUIRE(r);
    return *r;
  }
};

redis_rate_options unique_options(const std::string& test) {
  redis_rate_options o;
  o.key_prefix = "askpro:test:rate:" + std::to_string(::getpid()) + ":" + test + ":";
  o.timeout = 2s;
  return o;
}

}  // namespace

TEST_CASE("redis rate limit: two nodes take from one bucket", "[rate][redis]") {
  ASKPRO_NEED_REDIS(url);
  redis_nodes nodes;
  auto clock = std::make_shared<runtime::manual_clock>();
  auto options = unique_options("shared");
  redis_rate_limiter a{{2.0, 5.0}, clock, nodes.sys, nodes.node(url), options};
  redis_rate_limiter b{{2.0, 5.0}, clock, nodes.sys, nodes.node(url), options};
  for (int i = 0; i < 3; ++i) REQUIRE(a.take("token:1").allowed);
  auto fourth = b.take("token:1");
  REQUIRE(fourth.allowed);
  CHECK(fourth.remaining == 1);
  CHECK(b.take("token:1").allowed);
  auto refused = a.take("token:1");
  CHECK_FALSE(refused.allowed);
  CHECK(refused.retry_after_s == 1);
  CHECK(b.take("token:2").allowed);  // another token, another bucket
  clock->advance(500ms);             // one token back at 2/s, seen by both nodes
  CHECK(b.take("token:1").allowed);
  CHECK_FALSE(a.take("token:1").allowed);
  CHECK_FALSE(a.degraded());
  CHECK_FALSE(b.degraded());
}

TEST_CASE("redis rate limit: Retry-After follows a slow refill", "[rate][redis]") {
  ASKPRO_NEED_REDIS(url);
  redis_nodes nodes;
  auto clock = std::make_shared<runtime::manual_clock>();
  redis_rate_limiter limiter{{0.1, 1.0}, clock, nodes.sys, nodes.node(url), unique_options("slow")};
  CHECK(limiter.take("k").allowed);
  CHECK(limiter.take("k").retry_after_s == 10);
  clock->advance(4s);
  CHECK(limiter.take("k").retry_after_s == 6);
  clock->advance(6s);
  CHECK(limiter.take("k").allowed);
}

TEST_CASE("redis rate limit: the script is loaded again after SCRIPT FLUSH", "[rate][redis]") {
  ASKPRO_NEED_REDIS(url);
  redis_nodes nodes;
  auto clock = std::make_shared<runtime::manual_clock>();
  auto reg = nodes.node(url);
  redis_rate_limiter limiter{{1.0, 2.0}, clock, nodes.sys, reg, unique_options("flush")};
  CHECK(limiter.take("k").allowed);
  nodes.cmd(reg->actor_at("/redis"), {"SCRIPT", "FLUSH"});
  auto second = limiter.take("k");
  CHECK(second.allowed);
  CHECK(second.remaining == 0);  // the shared bucket kept its state
  CHECK_FALSE(limiter.take("k").allowed);
  CHECK_FALSE(limiter.degraded());
}

TEST_CASE("redis rate limit: without Redis the local bucket decides", "[rate][redis]") {
  redis_nodes nodes;
  auto clock = std::make_shared<runtime::manual_clock>();
  // A Redis actor that can never connect (nothing listens on port 1).
  redis_rate_limiter down{
      {1.0, 3.0}, clock, nodes.sys, nodes.node("redis://127.0.0.1:1/0"), unique_options("down")};
  for (int i = 0; i < 3; ++i) CHECK(down.take("k").allowed);
  CHECK(down.degraded());
  auto refused = down.take("k");  // the local bucket still limits
  CHECK_FALSE(refused.allowed);
  CHECK(refused.retry_after_s == 1);
  // No Redis actor registered at all.
  redis_rate_limiter missing{{1.0, 3.0},
                             clock,
                             nodes.sys,
                             std::make_shared<runtime::tree_registry>(),
                             unique_options("none")};
  CHECK(missing.take("k").allowed);
  CHECK(missing.degraded());
}

TEST_CASE("redis rate limit: back to shared buckets once Redis answers again", "[rate][redis]") {
  ASKPRO_NEED_REDIS(url);
  redis_nodes nodes;
  auto clock = std::make_shared<runtime::manual_clock>();
  auto reg = std::make_shared<runtime::tree_registry>();
  auto options = unique_options("recover");
  redis_rate_limiter limiter{{1.0, 2.0}, clock, nodes.sys, reg, options};
  CHECK(limiter.take("k").allowed);
  CHECK(limiter.degraded());
  auto live = nodes.node(url);
  reg->put(*live->find("/redis"));
  redis_rate_limiter other{{1.0, 2.0}, clock, nodes.sys, live, options};
  CHECK(other.take("k").allowed);
  CHECK(limiter.take("k").allowed);
  CHECK_FALSE(limiter.degraded());
  CHECK_FALSE(other.take("k").allowed);  // both took from the one shared bucket
}
