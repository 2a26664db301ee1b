// Voice benchmark (S16): signed HTTP against a running edge with the Retell routes, each call
// doing check_availability, reserve_slot and book_appointment in its own call session. Prints
// p50/p99/max per function for: calls one at a time (the floor), a burst of N calls at the same
// instant in one tenant (the worst case), and N concurrent calls paced as callers talk over
// several tenants; then webhook ingestion (call_started, then call_ended with its charge:
// events/s durably recorded) and the memory per idle call-session actor with M sessions alive
// (resident set growth / M).
// SQLite file, 20 staff per tenant. Not ctest.
//   voice_bench [calls=200] [idle_sessions=10000] [tenants=4] [events=10000]
#include "tests/bench/voice_bench.hpp"
#include "actors/tenant/tenancy_root.hpp"
#include "actors/tenant/tenant_directory.hpp"
#include "actors/tenant/tenant_supervisor.hpp"
#include "net/edge.hpp"
#include "net/retell/routes.hpp"
#include "persistence/crypto/keyring.hpp"
#include "persistence/database.hpp"
#include "persistence/db_actor.hpp"
#include "persistence/migrate.hpp"
#include "persistence/repo/catalog_repo.hpp"
#include "runtime/metrics/registry.hpp"
#include "runtime/supervisor.hpp"
#include "tests/bench/bench_catalog.hpp"
#include "tests/support/test_keys.hpp"

#include <date/date.h>
#include <spdlog/spdlog.h>
#include <unistd.h>
#include <caf/all.hpp>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>
#include <tuple>

using namespace askpro;
using namespace std::chrono_literals;

namespace {

const auto bench_now = date::sys_days{date::year{2026} / 12 / 1} + std::chrono::hours{8};

bench::bench_tenant tenant_of(int i) {
  auto n = std::to_string(i);
  return {i == 0 ? "bench" : "bench" + n, "+4930123450" + n, "key_bench_" + n};
}

persistence::tenant_catalog catalog(const bench::bench_tenant& t) {
  auto c = bench::bench_catalog(t.slug, bench::staff_count);
  c.company.retell_api_key = t.key;
  c.company.price_per_minute_cents = 29;  // call_ended charges (webhook ingestion)
  c.branches[0].phone_numbers = {t.number};
  return c;
}

long resident_bytes() {
  std::ifstream statm{"/proc/self/statm"};
  long size = 0, resident = 0;
  statm >> size >> resident;
  return resident * sysconf(_SC_PAGESIZE);
}

void idle_sessions(const bench::voice_rig& rig, int count) {
  auto r = actors::call::route_number(rig.deps, rig.tenants.front().number);
  if (!r || !*r) return void(std::printf("idle sessions: no route\n"));
  const auto route = **r;
  auto before = resident_bytes();
  std::atomic<int> next{0}, failed{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < 8; ++t)
    pool.emplace_back([&] {
      for (int i = next++; i < count; i = next++)
        if (!actors::call::start_session(rig.deps, route, "idle_" + std::to_string(i),
                                         std::nullopt))
          ++failed;
    });
  for (auto& th : pool) th.join();
  auto after = resident_bytes();
  std::printf("idle call sessions: %d alive (%d failed), resident +%.1f MiB, %.0f bytes each\n",
              count - failed.load(), failed.load(), (after - before) / 1048576.0,
              double(after - before) / std::max(1, count - failed.load()));
}

bool seed(const config::storage_settings& storage, const std::vector<bench::bench_tenant>& ts) {
  auto conn = persistence::open(storage);
  if (!conn || !persistence::migrate(**conn)) return false;
  for (const auto& t : ts)
    if (!persistence::apply_tenant(**conn, catalog(t), runtime::to_unix_ms(bench_now)))
      return false;
  return true;
}

struct bench_args {
  int calls = 200;
  int idle = 10000;
  int tenants = 4;
  int events = 10000;
  int pairs = 2;  ///< rounds of each comparison: metrics off and on, protection off and on
};

/// What one round compares: metrics on or off; personal data sealed and the audit trail kept
/// (production), or neither (the baseline that shows what protection costs).
struct round_kind {
  bool metrics = true;
  bool protection = true;
};

bench::round_figures run_load(const bench::voice_rig& rig, const bench_args& a, bool idle) {
  bench::round_figures f;
  f.unloaded = bench::sequential_calls(rig, 20, 0);
  bench::route_lookups(rig, 200);
  f.burst = bench::burst_calls(rig, a.calls, 10);
  bench::paced_calls(rig, a.calls, 20, 2000ms, 1000ms);
  std::tie(f.started, f.ended) = bench::webhook_ingestion(rig, a.events, 32);
  if (idle) idle_sessions(rig, a.idle);
  return f;
}

/// Stops the whole tree (the idle sessions included) and prints how long it took.
void stop_tree(caf::actor_system& sys, const caf::actor& root, std::size_t nodes) {
  caf::scoped_actor self{sys};
  const auto begin = std::chrono::steady_clock::now();
  self->send_exit(root, caf::exit_reason::user_shutdown);
  self->wait_for(root);
  std::printf(
      "shutdown with %zu registry nodes: %.0f ms\n", nodes,
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count());
}

/// One round from a fresh database and actor system: calls one after another, a burst, paced
/// calls over the tenants, webhook ingestion and (when `idle`) memory per idle session.
std::optional<bench::round_figures> run_round(const bench_args& a, round_kind kind, bool idle) {
  runtime::metrics::set_enabled(kind.metrics);
  auto dir = std::filesystem::temp_directory_path() /
             ("askpro-voice-bench-" + std::to_string(::getpid()) + (kind.metrics ? "-m" : "") +
              (kind.protection ? "-p" : ""));
  std::filesystem::create_directories(dir);
  config::storage_settings storage;
  storage.driver = "sqlite";
  storage.sqlite_path = (dir / "bench.db").string();
  storage.data_keys = test::test_data_keys();  // personal data is sealed, as in production
  if (!kind.protection)
    storage.data_keys = std::make_shared<const persistence::keyring>(
        storage.data_keys->unprotected_for_benchmark());
  std::vector<bench::bench_tenant> tenants;
  for (int i = 0; i < a.tenants; ++i) tenants.push_back(tenant_of(i));
  if (!seed(storage, tenants)) return std::printf("could not seed the database\n"), std::nullopt;
  caf::actor_system_config cfg;
  cfg.add_error_category(error_category(), render_error);
  caf::actor_system sys{cfg};
  auto reg = std::make_shared<runtime::tree_registry>();
  auto clk = std::make_shared<runtime::manual_clock>(bench_now);
  actors::tenant::directory_config dir_cfg;
  dir_cfg.tenant.registry = reg;
  dir_cfg.tenant.clock = clk;
  auto root = runtime::spawn_supervisor(sys, actors::tenant::tenancy_root_spec(storage, dir_cfg));
  config::settings settings;
  settings.http.listen = {"127.0.0.1", 0};
  settings.http.threads = std::max(64, a.calls + 8);
  settings.ops.listen = {"127.0.0.1", 0};
  settings.ops.token = "bench";
  net::edge edge{settings, sys, reg};
  actors::call::voice_deps deps{&sys, reg, clk};
  deps.timeout = 30s;
  deps.function_timeout = 60s;
  deps.booking_timeout = 50s;
  deps = actors::call::with_shared_state(deps);  // the handlers and the direct calls share them
  edge.add_api_routes(net::retell::make_routes(deps));
  auto ports = edge.start();
  if (!ports) return std::printf("cannot listen\n"), std::nullopt;
  bench::voice_rig rig{ports->api, runtime::to_unix_ms(clk->now()), tenants, deps,
                       storage.sqlite_path};
  std::printf(
      "--- metrics %s, protection %s: sqlite file, %d tenants x %d staff, http.threads %d, %u "
      "cores\n",
      kind.metrics ? "on" : "off", kind.protection ? "on (sealed fields, audit trail)" : "off",
      a.tenants, bench::staff_count, settings.http.threads, std::thread::hardware_concurrency());
  auto figures = run_load(rig, a, idle);
  edge.stop();
  stop_tree(sys, root, reg->size());
  std::filesystem::remove_all(dir);
  return figures;
}

/// `pairs` rounds of `off` and `on` alternately, so the machine's drift favours neither; the
/// medians of both and what `on` costs. The idle-session memory in the last round when `idle`.
bool compare(const bench_args& a, const char* what, round_kind off, round_kind on, bool idle) {
  std::vector<bench::round_figures> offs, ons;
  for (int r = 0; r < 2 * a.pairs; ++r) {
    auto f = run_round(a, r % 2 == 1 ? on : off, idle && r == 2 * a.pairs - 1);
    if (!f) return false;
    (r % 2 == 1 ? ons : offs).push_back(*f);
  }
  bench::print_cost(what, offs, ons);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  spdlog::set_level(spdlog::level::warn);
  bench_args a;
  if (argc > 1) a.calls = std::atoi(argv[1]);
  if (argc > 2) a.idle = std::atoi(argv[2]);
  if (argc > 3) a.tenants = std::max(1, std::atoi(argv[3]));
  if (argc > 4) a.events = std::atoi(argv[4]);
  if (argc > 5) a.pairs = std::max(1, std::atoi(argv[5]));
  // The same load from the same fresh state, alternately without and with metrics (SPEC S12:
  // they may cost at most 5 %), then without and with protection (sealed personal data and the
  // audit trail, SPEC S11: at most 10 %), `pairs` rounds each (argument 5, default 2); the
  // idle-session memory once, in the last round, as in production.
  if (!compare(a, "metrics", {false, true}, {true, true}, false)) return 1;
  if (!compare(a, "protection", {true, false}, {true, true}, true)) return 1;
  return 0;
}
