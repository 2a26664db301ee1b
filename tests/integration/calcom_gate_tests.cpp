// The Cal.com request gate shared through a real Redis: two nodes' gates for one API key grant
// at most the limit in any window between them, a 429's pause holds both, and without Redis
// each node still keeps under the limit on its own.
#include "net/calcom/redis_gate.hpp"
#include "persistence/redis_actor.hpp"
#include "tests/support/services.hpp"

#include <caf/all.hpp>
#include <catch2/catch.hpp>

#include <unistd.h>

namespace {

using namespace askpro;
using namespace std::chrono_literals;

}  // namespace

TEST_CASE("Cal.com gates of one key on two nodes share one window through Redis",
          "[calcom][redis]") {
  ASKPRO_NEED_REDIS(url);
  caf::actor_system_config cfg;
  cfg.add_error_category(error_category(), render_error);
  caf::actor_system sys{cfg};
  auto reg = std::make_shared<runtime::tree_registry>();
  auto redis = persistence::spawn_redis(sys, persistence::parse_redis_url(url));
  reg->put({"/redis", "redis", "/", runtime::node_status::running, {}, 0, {}, redis});
  net::calcom::redis_gate_options o;
  o.key_prefix = "askpro:test:calcom-gate:" + std::to_string(::getpid()) + ":";
  o.timeout = 2s;
  const std::string credential = "http://cal.example|cal_live_key";
  auto a = net::calcom::make_redis_gate(credential, 5, 60s, sys, reg, o);
  auto b = net::calcom::make_redis_gate(credential, 5, 60s, sys, reg, o);
  auto other_key =
      net::calcom::make_redis_gate("http://cal.example|cal_other", 5, 60s, sys, reg, o);
  runtime::manual_clock clock;
  auto t0 = clock.now();
  for (int i = 0; i < 5; ++i) CHECK_FALSE((i % 2 ? a : b)->try_acquire(t0 + i * 1ms));
  auto when = a->try_acquire(t0 + 10ms);
  REQUIRE(when);
  CHECK(*when > t0 + 59s);  // the first grant leaves the window after 60 s
  CHECK(b->try_acquire(t0 + 10ms));
  CHECK_FALSE(other_key->try_acquire(t0 + 10ms));  // another key has its own window
  CHECK_FALSE(b->try_acquire(*when));
  // A 429 seen by one node pauses the key on both.
  a->pause_until(*when + 30s);
  CHECK(b->try_acquire(*when + 10s));
  // Redis gone: each node limits on its own and still grants.
  reg->remove_subtree("/redis");
  caf::anon_send_exit(redis, caf::exit_reason::user_shutdown);
  CHECK_FALSE(b->try_acquire(*when + 10s));
}
