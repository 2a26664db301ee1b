// The Redis client actor against a real Redis server, and URL parsing.
#include "persistence/redis/redis_connection.hpp"
#include "persistence/redis_actor.hpp"
#include "runtime/atoms.hpp"
#include "runtime/bridge.hpp"
#include "tests/support/services.hpp"
#include "tests/unit/persistence/actor_fixture.hpp"
#include "tests/unit/persistence/backend.hpp"

#include <caf/all.hpp>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <unistd.h>

using namespace askpro::persistence;
using namespace std::chrono_literals;
using askpro::errc;
using askpro::test::expect_error;
using askpro::test::expect_ok;

namespace {

using argv = std::vector<std::string>;

/// A Redis actor for one test, stopped at the end.
struct redis_fixture {
  askpro::test::test_system system;
  caf::actor redis;
  explicit redis_fixture(askpro::Result<redis_endpoint> ep)
      : redis(spawn_redis(system.sys(), ep)) {}
  ~redis_fixture() { askpro::test::stop_and_wait(system.sys(), redis, caf::exit_reason::kill); }

  askpro::Result<redis_reply> cmd(argv args) {
    return askpro::runtime::ask<redis_reply>(system.sys(), redis, 5s, redis_cmd_atom::value,
                                             std::move(args));
  }
  nlohmann::json inspect() {
    return nlohmann::json::parse(expect_ok(askpro::runtime::ask<std::string>(
        system.sys(), redis, 5s, askpro::runtime::inspect_atom::value)));
  }
};

std::string unique_key(const std::string& what) {
  return "askpro:test:" + std::to_string(::getpid()) + ":" + what;
}

}  // namespace

TEST_CASE("redis url: host, port, database and password", "[persistence][redis]") {
  auto ep = expect_ok(parse_redis_url("redis://cache.local:6380/3"));
  CHECK(ep.host == "cache.local");
  CHECK(ep.port == 6380);
  CHECK(ep.db == 3);
  CHECK(ep.display() == "cache.local:6380/3");
  auto defaults = expect_ok(parse_redis_url("redis://127.0.0.1"));
  CHECK(defaults.port == 6379);
  CHECK(defaults.db == 0);
  auto secret = expect_ok(parse_redis_url("redis://:s3cret@10.0.0.1:7000/1"));
  CHECK(secret.password == "s3cret");
  CHECK(secret.display().find("s3cret") == std::string::npos);
  expect_error(parse_redis_url("http://x:1/0"), errc::config);
  expect_error(parse_redis_url("redis://x:0/0"), errc::config);
  expect_error(parse_redis_url("redis://x:6379/abc"), errc::config);
  expect_error(parse_redis_url("redis://:6379/0"), errc::config);
}

TEST_CASE("redis actor: ping, SET/GET round-trip, replies of every kind", "[persistence][redis]") {
  ASKPRO_NEED_REDIS(url);
  redis_fixture f{parse_redis_url(url)};
  expect_ok(askpro::runtime::ask<caf::ok_atom>(f.system.sys(), f.redis, 5s,
                                               askpro::runtime::ping_atom::value));
  const std::string key = unique_key("roundtrip");
  const std::string binary{"a\0b\xff Grüße", 11};
  auto set = expect_ok(f.cmd({"SET", key, binary, "PX", "60000"}));
  CHECK(set.type == redis_reply::kind::status);
  CHECK(set.str == "OK");
  auto get = expect_ok(f.cmd({"GET", key}));
  CHECK(get.type == redis_reply::kind::string);
  CHECK(get.str == binary);
  CHECK(expect_ok(f.cmd({"GET", unique_key("missing")})).is_nil());
  CHECK(expect_ok(f.cmd({"DEL", key})).integer == 1);
  auto wrong = expect_ok(f.cmd({"HGET", key + ":list", "x"}));
  CHECK(wrong.is_nil());
  expect_ok(f.cmd({"RPUSH", key + ":list", "1", "2"}));
  auto type_error = expect_ok(f.cmd({"GET", key + ":list"}));
  CHECK(type_error.is_error());
  CHECK(type_error.str.find("WRONGTYPE") == 0);
  auto range = expect_ok(f.cmd({"LRANGE", key + ":list", "0", "-1"}));
  REQUIRE(range.elements.size() == 2);
  CHECK(range.elements[1].str == "2");
  expect_ok(f.cmd({"DEL", key + ":list"}));
  CHECK(f.inspect()["connected"] == true);
}

TEST_CASE("redis actor: a killed connection is rebuilt before the next command",
          "[persistence][redis]") {
  ASKPRO_NEED_REDIS(url);
  auto ep = expect_ok(parse_redis_url(url));
  redis_fixture f{ep};
  auto own_id = expect_ok(f.cmd({"CLIENT", "ID"})).integer;
  auto before = f.inspect()["reconnects"].get<int>();
  auto admin = expect_ok(redis_connection::connect(ep, 2s));
  auto killed = expect_ok(admin->command({"CLIENT", "KILL", "ID", std::to_string(own_id)}));
  REQUIRE(killed.integer == 1);
  auto pong = expect_ok(f.cmd({"PING"}));  // the next command succeeds on a new connection
  CHECK(pong.str == "PONG");
  CHECK(expect_ok(f.cmd({"CLIENT", "ID"})).integer != own_id);
  auto state = f.inspect();
  CHECK(state["reconnects"].get<int>() == before + 1);
  CHECK(state["connected"] == true);
}

TEST_CASE("redis actor: an unreachable server answers unavailable and says why",
          "[persistence][redis]") {
  redis_endpoint nowhere;
  nowhere.port = 1;  // nothing listens on port 1 of loopback
  redis_fixture f{nowhere};
  auto err = expect_error(f.cmd({"PING"}), errc::unavailable);
  CHECK(askpro::describe(err).find("redis") != std::string::npos);
  expect_error(askpro::runtime::ask<caf::ok_atom>(f.system.sys(), f.redis, 5s,
                                                  askpro::runtime::ping_atom::value),
               errc::unavailable);
  auto state = f.inspect();
  CHECK(state["connected"] == false);
  CHECK_FALSE(state["last_error"].get<std::string>().empty());
}

TEST_CASE("redis actor: an invalid URL is reported by every request", "[persistence][redis]") {
  redis_fixture f{parse_redis_url("memcached://nope")};
  expect_error(f.cmd({"PING"}), errc::config);
}

TEST_CASE("redis actor: the database number of the URL is selected after connecting",
          "[persistence][redis]") {
  ASKPRO_NEED_REDIS(url);
  auto ep = expect_ok(parse_redis_url(url));
  auto other = ep;
  other.db = ep.db == 5 ? 6 : 5;
  redis_fixture f{other};
  const std::string key = unique_key("selected-db");
  expect_ok(f.cmd({"SET", key, "here", "PX", "60000"}));
  auto same_db = expect_ok(redis_connection::connect(other, 2s));
  CHECK(expect_ok(same_db->command({"GET", key})).str == "here");
  auto url_db = expect_ok(redis_connection::connect(ep, 2s));
  CHECK(expect_ok(url_db->command({"GET", key})).is_nil());
  expect_ok(f.cmd({"DEL", key}));
}
