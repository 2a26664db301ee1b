// MCP benchmark (SPEC S15, S16): `tools/call check_availability` through POST /mcp on the real
// edge, first from one session at a time (the floor), then from N concurrent sessions (default
// 64), each its own keep-alive client with its own MCP session; requests/s and p50/p99/max.
// SQLite (file, WAL), and MariaDB when ASKPRO_TEST_MYSQL_* is set. Not part of ctest; run by
// `scripts/bench mcp`.   Usage: mcp_bench [SECONDS_PER_PHASE] [SESSIONS]
#include "persistence/database.hpp"
#include "persistence/migrate.hpp"
#include "persistence/repo/catalog_repo.hpp"
#include "tests/bench/bench_api_node.hpp"
#include "tests/bench/bench_backends.hpp"
#include "tests/bench/bench_catalog.hpp"
#include "tests/bench/bench_stats.hpp"
#include "tests/fakes/mcp_client.hpp"

#include <date/date.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <cstdio>
#include <thread>

namespace {

using namespace askpro;
using namespace std::chrono_literals;
using steady = std::chrono::steady_clock;

constexpr int staff_count = 10;
const auto bench_now = date::sys_days{date::year{2026} / 12 / 1} + 8h;  // Tue 09:00 Berlin
const nlohmann::json check_args{{"date", "2026-12-02"}, {"time", "10:00"}, {"service", "cut"}};

/// Migrates, applies the tenant and stores an admin token; yields its secret.
Result<std::string> seed(const config::storage_settings& storage) {
  auto conn = persistence::open(storage);
  if (!conn) return std::move(conn.error());
  if (auto m = persistence::migrate(**conn); !m) return std::move(m.error());
  auto applied = persistence::apply_tenant(**conn, bench::bench_catalog("bench", staff_count),
                                           runtime::to_unix_ms(bench_now));
  if (!applied) return std::move(applied.error());
  return bench::admin_token(**conn, applied->scope, bench_now);
}

/// `sessions` threads, each with its own MCP session, calling check_availability for
/// `seconds`; one report line.
void phase(const std::string& label, uint16_t port, const std::string& token, int sessions,
           std::chrono::seconds seconds) {
  bench::run_clients(label, sessions, seconds,
                     [&](int, bench::samples& mine, const std::atomic<bool>& stop) {
                       fakes::mcp_client c{port, token};
                       if (c.initialize().status != 200) return void(++mine.errors);
                       while (!stop) {
                         auto start = steady::now();
                         auto result = c.tool("check_availability", check_args);
                         mine.add(steady::now() - start);
                         if (!result.is_object() || result["isError"] != false) ++mine.errors;
                       }
                       c.end();
                     });
}

void run(const std::string& label, const config::storage_settings& storage, int sessions,
         std::chrono::seconds seconds) {
  auto token = seed(storage);
  if (!token)
    return void(
        std::printf("%s: cannot seed: %s\n", label.c_str(), describe(token.error()).c_str()));
  bench::api_node node{storage, bench_now, std::max(80, sessions + 16)};
  if (!node.port()) return void(std::printf("%s: cannot listen\n", label.c_str()));
  phase(label + " 1 session", node.port(), *token, 1, seconds);
  phase(label + " " + std::to_string(sessions) + " sessions", node.port(), *token, sessions,
        seconds);
}

}  // namespace

int main(int argc, char** argv) {
  spdlog::set_level(spdlog::level::warn);
  const std::chrono::seconds seconds{argc > 1 ? std::atoi(argv[1]) : 5};
  const int sessions = argc > 2 ? std::atoi(argv[2]) : 64;
  std::printf(
      "MCP: tools/call check_availability (1 service, 1 day, %d staff), %lld s per phase, "
      "each session its own keep-alive client\n",
      staff_count, static_cast<long long>(seconds.count()));
  bench::print_header();
  bench::for_each_backend("mcp", "sqlite",
                          [&](const std::string& label, const config::storage_settings& storage) {
                            run(label, storage, sessions, seconds);
                          });
  return 0;
}
