// Voice benchmark (S16): N concurrent simulated calls (signed HTTP against a running edge with
// the Retell routes), each doing check_availability, reserve_slot and book_appointment in its
// own call session; prints p50/p99/max per function and calls/s. Then the memory per idle
// call-session actor with M sessions alive (resident set growth / M). SQLite file. Not ctest.
//   voice_bench [calls=200] [idle_sessions=10000]
#include "actors/call/voice_router.hpp"
#include "actors/tenant/tenancy_root.hpp"
#include "actors/tenant/tenant_directory.hpp"
#include "actors/tenant/tenant_supervisor.hpp"
#include "net/edge.hpp"
#include "net/retell/routes.hpp"
#include "persistence/database.hpp"
#include "persistence/db_actor.hpp"
#include "persistence/migrate.hpp"
#include "persistence/repo/catalog_repo.hpp"
#include "runtime/supervisor.hpp"
#include "tests/bench/bench_stats.hpp"
#include "tests/fakes/retell_client.hpp"

#include <date/date.h>
#include <spdlog/spdlog.h>
#include <unistd.h>
#include <caf/all.hpp>

#include <array>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

using namespace askpro;
using namespace std::chrono_literals;

namespace {

constexpr int staff_count = 20;
constexpr const char* key = "key_bench";
constexpr const char* number = "+49301234500";
const auto bench_now = date::sys_days{date::year{2026} / 12 / 1} + std::chrono::hours{8};

persistence::tenant_catalog catalog() {
  persistence::tenant_catalog c;
  c.company.slug = "bench";
  c.company.name = "Bench";
  c.company.time_zone = "Europe/Berlin";
  c.company.locale = "de-DE";
  c.company.country = "DE";
  c.company.horizon_days = 365;
  c.company.retell_api_key = key;
  persistence::branch_record b;
  b.slug = "main";
  b.name = "Main";
  b.time_zone = "Europe/Berlin";
  b.phone_numbers = {number};
  for (int wd = 0; wd < 7; ++wd) b.hours.push_back({wd, 0, 24 * 60});
  c.branches.push_back(b);
  persistence::service_record cut;
  cut.slug = "cut";
  cut.name = "Cut";
  c.services.push_back(cut);
  for (int i = 0; i < staff_count; ++i) {
    persistence::staff_record s;
    s.slug = "s" + std::to_string(100 + i);
    s.name = s.slug;
    s.branch_slug = "main";
    s.service_slugs = {"cut"};
    c.staff.push_back(s);
  }
  return c;
}

long resident_bytes() {
  std::ifstream statm{"/proc/self/statm"};
  long size = 0, resident = 0;
  statm >> size >> resident;
  return resident * sysconf(_SC_PAGESIZE);
}

/// Call i: staff i % 20, back to back from 10:00 on 2026-12-02 (Berlin).
nlohmann::json args_of(int i) {
  int minute = 10 * 60 + 30 * (i / staff_count);
  auto day = date::year_month_day{date::sys_days{date::year{2026} / 12 / 2} +
                                  date::days{minute / (24 * 60)}};
  char date_text[16], time_text[8];
  std::snprintf(date_text, sizeof date_text, "%04d-%02u-%02u", int(day.year()),
                unsigned(day.month()), unsigned(day.day()));
  std::snprintf(time_text, sizeof time_text, "%02d:%02d", (minute / 60) % 24, minute % 60);
  return {{"date", date_text},
          {"time", time_text},
          {"service", "cut"},
          {"staff", "s" + std::to_string(100 + i % staff_count)}};
}

struct stats {
  std::array<bench::samples, 3> fn;  ///< check, reserve, book
};

void one_call(uint16_t port, int64_t now_ms, int i, stats& out) {
  fakes::retell_client client{"127.0.0.1", port, key};
  const char* names[] = {"check_availability", "reserve_slot", "book_appointment"};
  auto from = "+4915100" + std::to_string(100000 + i);
  for (int f = 0; f < 3; ++f) {
    auto body = fakes::retell_client::function(names[f], args_of(i),
                                               "call_bench_" + std::to_string(i), from, number);
    auto t0 = std::chrono::steady_clock::now();
    auto res = client.post("/webhooks/retell/functions", body.dump(), now_ms);
    out.fn[f].add(std::chrono::steady_clock::now() - t0);
    if (!res || res->status != 200 || nlohmann::json::parse(res->body)["success"] != true)
      ++out.fn[f].errors;
  }
}

void idle_sessions(caf::actor_system& sys, const actors::call::voice_deps& deps, int count) {
  auto r = actors::call::route_number(deps, number);
  if (!r || !*r) return void(std::printf("idle sessions: no route\n"));
  const auto route = **r;
  auto before = resident_bytes();
  std::atomic<int> next{0}, failed{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < 8; ++t)
    pool.emplace_back([&] {
      for (int i = next++; i < count; i = next++)
        if (!actors::call::start_session(deps, route, "idle_" + std::to_string(i), std::nullopt))
          ++failed;
    });
  for (auto& th : pool) th.join();
  auto after = resident_bytes();
  std::printf("idle call sessions: %d alive (%d failed), resident +%.1f MiB, %.0f bytes each\n",
              count - failed.load(), failed.load(), (after - before) / 1048576.0,
              double(after - before) / std::max(1, count - failed.load()));
  (void)sys;
}

}  // namespace

int main(int argc, char** argv) {
  spdlog::set_level(spdlog::level::warn);
  const int calls = argc > 1 ? std::atoi(argv[1]) : 200;
  const int idle = argc > 2 ? std::atoi(argv[2]) : 10000;
  auto dir =
      std::filesystem::temp_directory_path() / ("askpro-voice-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  config::storage_settings storage;
  storage.driver = "sqlite";
  storage.sqlite_path = (dir / "bench.db").string();
  {
    auto conn = persistence::open(storage);
    if (!conn || !persistence::migrate(**conn) ||
        !persistence::apply_tenant(**conn, catalog(), runtime::to_unix_ms(bench_now)))
      return std::printf("could not seed the database\n"), 1;
  }
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
  settings.http.threads = std::max(64, calls + 8);
  settings.ops.listen = {"127.0.0.1", 0};
  settings.ops.token = "bench";
  net::edge edge{settings, sys, reg};
  actors::call::voice_deps deps{&sys, reg, clk};
  deps.timeout = 30s;
  deps.function_timeout = 60s;
  deps.booking_timeout = 50s;
  edge.add_api_routes(net::retell::make_routes(deps));
  auto ports = edge.start();
  if (!ports) return std::printf("cannot listen\n"), 1;
  std::printf("voice: %d concurrent calls (check, reserve, book), sqlite file, %d staff\n", calls,
              staff_count);
  std::vector<stats> per(static_cast<std::size_t>(calls));
  auto now_ms = runtime::to_unix_ms(clk->now());
  auto t0 = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (int i = 0; i < calls; ++i)
    pool.emplace_back([&, i] { one_call(ports->api, now_ms, i, per[std::size_t(i)]); });
  for (auto& th : pool) th.join();
  auto wall = std::chrono::steady_clock::now() - t0;
  bench::print_header();
  const char* names[] = {"check_availability", "reserve_slot", "book_appointment"};
  for (int f = 0; f < 3; ++f) {
    bench::samples all;
    for (const auto& s : per) all.merge(s.fn[f]);
    bench::print_row(names[f], all, wall);
  }
  std::printf("calls/s: %.1f (whole calls of 3 functions)\n",
              calls / std::chrono::duration<double>(wall).count());
  idle_sessions(sys, deps, idle);
  edge.stop();
  caf::scoped_actor self{sys};
  self->send_exit(root, caf::exit_reason::user_shutdown);
  std::filesystem::remove_all(dir);
  return 0;
}
