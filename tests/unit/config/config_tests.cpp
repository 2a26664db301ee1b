#include "config/loader.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

using namespace askpro;
using config::env_map;

namespace {

std::string problem_of(const Result<config::settings>& r) {
  REQUIRE_FALSE(r);
  CHECK(code_of(r.error()) == errc::config);
  return detail_of(r.error());
}

}  // namespace

TEST_CASE("defaults match the contract", "[config]") {
  auto s = config::load(std::nullopt, {});
  REQUIRE(s);
  CHECK(s->http.listen.to_string() == "127.0.0.1:8080");
  CHECK(s->http.threads == 64);
  CHECK(s->http.max_body_bytes == 1048576);
  CHECK(s->ops.listen.to_string() == "127.0.0.1:8081");
  CHECK(s->ops.token.empty());
  CHECK(s->storage.driver == "sqlite");
  CHECK(s->storage.sqlite_path == "var/askpro.db");
  CHECK_FALSE(s->redis.enabled());
  CHECK(s->log.level == "info");
  CHECK(s->log.format == "json");
}

TEST_CASE("the shipped askpro.toml loads and equals the defaults", "[config]") {
  const char* root = std::getenv("ASKPRO_SOURCE_DIR");
  REQUIRE(root != nullptr);
  auto s = config::load(std::string(root) + "/config/askpro.toml", {});
  REQUIRE(s);
  CHECK(s->http.listen.port == 8080);
  CHECK(s->http.backlog == 1024);
  CHECK(s->storage.sqlite_readers == 2);
  CHECK(s->api.rate_per_s == 20);
  CHECK(s->api.rate_burst == 40);
  CHECK(s->calcom.rate_per_min == 120);
  CHECK(s->calcom.breaker_reset_max == std::chrono::milliseconds{300000});
  CHECK(s->calcom.cache_ttl == std::chrono::milliseconds{30000});
}

TEST_CASE("file values are applied", "[config]") {
  auto s = config::load_text(R"(
[http]
listen = "0.0.0.0:9000"
threads = 8
[storage]
driver = "mysql"
mysql_host = "db.internal"
mysql_port = 3307
[redis]
url = "redis://cache:6380/2"
[log]
format = "text"
)",
                             {});
  REQUIRE(s);
  CHECK(s->http.listen.host == "0.0.0.0");
  CHECK(s->http.listen.port == 9000);
  CHECK(s->http.threads == 8);
  CHECK(s->storage.driver == "mysql");
  CHECK(s->storage.mysql_port == 3307);
  CHECK(s->redis.host == "cache");
  CHECK(s->redis.port == 6380);
  CHECK(s->redis.db == 2);
  CHECK(s->log.format == "text");
}

TEST_CASE("environment overrides win over the file", "[config]") {
  env_map env{{"ASKPRO_HTTP_LISTEN", "127.0.0.1:0"},
              {"ASKPRO_STORAGE_MYSQL_PASSWORD", "s3cret"},
              {"ASKPRO_OPS_TOKEN", "tok"},
              {"ASKPRO_TEST_MYSQL_HOST", "ignored: not one of our sections"}};
  auto s = config::load_text("[http]\nlisten = \"127.0.0.1:9999\"\n", env);
  REQUIRE(s);
  CHECK(s->http.listen.port == 0);
  CHECK(s->storage.mysql_password == "s3cret");
  CHECK(s->ops.token == "tok");
}

TEST_CASE("invalid configuration names the key and the problem", "[config]") {
  CHECK(problem_of(config::load_text("[storage]\ndriver = \"oracle\"\n", {})) ==
        "storage.driver: unknown value 'oracle' (expected one of: sqlite, mysql)");
  CHECK(problem_of(config::load_text("[http]\nlisten = \"nowhere\"\n", {})) ==
        "http.listen: expected host:port, got 'nowhere'");
  CHECK(problem_of(config::load_text("[http]\nlisten = \"1.2.3.4:99999\"\n", {})) ==
        "http.listen: expected host:port, got '1.2.3.4:99999'");
  CHECK(problem_of(config::load_text("[http]\nthreads = 0\n", {})) ==
        "http.threads: must be between 1 and 1024");
  CHECK(problem_of(config::load_text("[http]\nthreads = \"many\"\n", {})) ==
        "http.threads: expected an integer, got 'many'");
  CHECK(problem_of(config::load_text("[http]\nlistn = \"a:1\"\n", {})) ==
        "http.listn: unknown key");
  CHECK(problem_of(config::load_text("[htttp]\nlisten = \"a:1\"\n", {})) ==
        "htttp: unknown section");
  CHECK(problem_of(config::load_text("[redis]\nurl = \"http://x\"\n", {})) ==
        "redis.url: expected redis://host:port/db");
  CHECK(problem_of(config::load_text("[log]\nlevel = \"loud\"\n", {})).rfind("log.level:", 0) == 0);
}

TEST_CASE("invalid environment overrides name the variable", "[config]") {
  auto r = config::load_text("", {{"ASKPRO_STORAGE_DRIVER", "postgres"}});
  CHECK(problem_of(r).rfind("ASKPRO_STORAGE_DRIVER (storage.driver: unknown value", 0) == 0);
  auto r2 = config::load_text("", {{"ASKPRO_HTTP_THREADZ", "4"}});
  CHECK(problem_of(r2) == "ASKPRO_HTTP_THREADZ (http.threadz: unknown key)");
}

TEST_CASE("TOML syntax errors give file, line and column", "[config]") {
  auto r = config::load_text("[http\nlisten=1", {}, "askpro.toml");
  CHECK(problem_of(r).rfind("askpro.toml:1:", 0) == 0);
}

TEST_CASE("a missing file is a clear error", "[config]") {
  auto r = config::load(std::string("/nonexistent/askpro.toml"), {});
  CHECK(problem_of(r) == "/nonexistent/askpro.toml: cannot read the configuration file");
}

TEST_CASE("listen addresses: IPv4, hostnames, IPv6 and port 0", "[config]") {
  auto a = config::parse_listen("[::1]:8080");
  REQUIRE(a);
  CHECK(a->host == "::1");
  CHECK(a->port == 8080);
  auto b = config::parse_listen("localhost:0");
  REQUIRE(b);
  CHECK(b->port == 0);
  CHECK_FALSE(config::parse_listen(":80"));
  CHECK_FALSE(config::parse_listen("host:"));
  CHECK_FALSE(config::parse_listen("::1:80"));
  CHECK_FALSE(config::parse_listen("ho st:80"));
}

TEST_CASE("ops and api listeners may not share an address", "[config]") {
  auto r = config::load_text("[ops]\nlisten = \"127.0.0.1:8080\"\n", {});
  CHECK(problem_of(r) == "ops.listen: must differ from http.listen");
}

TEST_CASE("tenant API rate limits: defaults, file, environment and validation", "[config]") {
  auto d = config::load(std::nullopt, {});
  REQUIRE(d);
  CHECK(d->api.rate_per_s == 20);
  CHECK(d->api.rate_burst == 40);
  auto f = config::load_text("[api]\nrate_per_s = 2.5\nrate_burst = 7\n", {});
  REQUIRE(f);
  CHECK(f->api.rate_per_s == 2.5);
  CHECK(f->api.rate_burst == 7);
  auto e = config::load_text("[api]\nrate_per_s = 2.5\n",
                             {{"ASKPRO_API_RATE_PER_S", "100"}, {"ASKPRO_API_RATE_BURST", "0.5"}});
  REQUIRE(e);
  CHECK(e->api.rate_per_s == 100);
  CHECK(e->api.rate_burst == 0.5);
  CHECK(problem_of(config::load_text("[api]\nrate_per_s = 0\n", {})) ==
        "api.rate_per_s: must be a positive number up to 1000000");
  CHECK(problem_of(config::load_text("[api]\nrate_burst = -3.0\n", {})) ==
        "api.rate_burst: must be a positive number up to 1000000");
  CHECK(problem_of(config::load_text("[api]\nrate_burst = \"lots\"\n", {})) ==
        "api.rate_burst: expected a number, got 'lots'");
  CHECK(problem_of(config::load_text("", {{"ASKPRO_API_RATE_PER_S", "fast"}})) ==
        "ASKPRO_API_RATE_PER_S (api.rate_per_s: expected a number, got 'fast')");
  CHECK(problem_of(config::load_text("", {{"ASKPRO_API_RATE_PER_S", "inf"}})) ==
        "ASKPRO_API_RATE_PER_S (api.rate_per_s: expected a number, got 'inf')");
}

TEST_CASE("Cal.com keys: defaults, file, environment and validation", "[config]") {
  auto d = config::load(std::nullopt, {});
  REQUIRE(d);
  CHECK(d->calcom.timeout == std::chrono::milliseconds{3000});
  CHECK(d->calcom.rate_per_min == 120);
  CHECK(d->calcom.breaker_failures == 5);
  CHECK(d->calcom.breaker_reset == std::chrono::milliseconds{10000});
  CHECK(d->calcom.breaker_reset_max == std::chrono::milliseconds{300000});
  CHECK(d->calcom.cache_ttl == std::chrono::milliseconds{30000});
  auto f = config::load_text("[calcom]\nrate_per_min = 60\ncache_ttl_ms = 0\n",
                             {{"ASKPRO_CALCOM_BREAKER_FAILURES", "3"}});
  REQUIRE(f);
  CHECK(f->calcom.rate_per_min == 60);
  CHECK(f->calcom.cache_ttl == std::chrono::milliseconds{0});
  CHECK(f->calcom.breaker_failures == 3);
  CHECK(problem_of(config::load_text("[calcom]\nrate_per_min = 0\n", {})) ==
        "calcom.rate_per_min: must be between 1 and 100000");
  CHECK(problem_of(config::load_text("[calcom]\ntimeout_ms = \"soon\"\n", {})) ==
        "calcom.timeout_ms: expected an integer, got 'soon'");
  CHECK(problem_of(config::load_text(
            "[calcom]\nbreaker_reset_ms = 20000\nbreaker_reset_max_ms = 1000\n", {})) ==
        "calcom.breaker_reset_max_ms: must not be below calcom.breaker_reset_ms");
}
