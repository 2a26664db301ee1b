// Tenant API benchmark (SPEC S8): GET /api/v2/availability (one service, one day, 10 staff) and
// GET /api/v2/appointments (one page of 50 of 2,000) through the real edge with 64 keep-alive
// client threads: requests/s and p50/p99. SQLite (file, WAL), and MariaDB when
// ASKPRO_TEST_MYSQL_* is set. No rate limiter. Not part of ctest; run by `scripts/bench api`.
// Usage: api_bench [SECONDS_PER_PHASE] [CLIENTS]
#include "persistence/database.hpp"
#include "persistence/migrate.hpp"
#include "persistence/repo/catalog_repo.hpp"
#include "tests/bench/bench_api_node.hpp"
#include "tests/bench/bench_backends.hpp"
#include "tests/bench/bench_catalog.hpp"
#include "tests/bench/bench_stats.hpp"
#include "tests/support/services.hpp"

#include <date/date.h>
#include <httplib.h>
#include <spdlog/spdlog.h>

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <thread>

namespace {

using namespace askpro;
using namespace std::chrono_literals;
using steady = std::chrono::steady_clock;

constexpr int staff_count = 10;
constexpr int appointment_count = 2000;
const auto bench_now = date::sys_days{date::year{2026} / 12 / 1} + 8h;  // Tue 09:00 Berlin

persistence::tenant_catalog catalog() {
  auto c = bench::bench_catalog("bench", staff_count);
  c.company.horizon_days = 60;
  auto& hours = c.branches[0].hours;  // Monday to Saturday, 9:00 to 18:00
  hours.clear();
  for (int wd = 0; wd < 6; ++wd) hours.push_back({wd, 9 * 60, 18 * 60});
  return c;
}

/// Migrates, applies the tenant, stores 2,000 appointments over 10 days and an admin token.
Result<std::string> seed(const config::storage_settings& storage) {
  auto conn = persistence::open(storage);
  if (!conn) return std::move(conn.error());
  if (auto m = persistence::migrate(**conn); !m) return std::move(m.error());
  auto applied = persistence::apply_tenant(**conn, catalog(), runtime::to_unix_ms(bench_now));
  if (!applied) return std::move(applied.error());
  auto cat = persistence::load_catalog(**conn, applied->scope);
  if (!cat) return std::move(cat.error());
  const int64_t company = applied->scope.company_id();
  const int64_t day0 = runtime::to_unix_ms(bench_now) + 24 * 3'600'000LL;
  for (int i = 0; i < appointment_count; ++i) {
    const auto& staff = cat->staff[static_cast<std::size_t>(i % staff_count)];
    int64_t start =
        day0 + (i / (staff_count * 18)) * 86'400'000LL + ((i / staff_count) % 18) * 1'800'000LL;
    auto ok = (*conn)->execute(
        "INSERT INTO appointments (company_id, branch_id, service_id, staff_id, start_at, end_at, "
        "source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'api', ?, ?)",
        {company, cat->branches[0].id, cat->services[0].id, staff.id, start, start + 1'800'000,
         day0, day0});
    if (!ok) return std::move(ok.error());
  }
  return bench::admin_token(**conn, applied->scope, bench_now);
}

/// `clients` keep-alive threads GETting `path` for `seconds`; one report line.
void phase(const std::string& label, uint16_t port, const std::string& path,
           const std::string& token, int clients, std::chrono::seconds seconds) {
  bench::run_clients(label, clients, seconds,
                     [&](int, bench::samples& mine, const std::atomic<bool>& stop) {
                       httplib::Client c{"127.0.0.1", port};
                       c.set_keep_alive(true);
                       c.set_read_timeout(10s);
                       httplib::Headers h{{"Authorization", "Bearer " + token}};
                       while (!stop) {
                         auto start = steady::now();
                         auto res = c.Get(path.c_str(), h);
                         mine.add(steady::now() - start);
                         if (!res || res->status != 200) ++mine.errors;
                       }
                     });
}

void run(const std::string& label, const config::storage_settings& storage, int clients,
         std::chrono::seconds seconds) {
  auto token = seed(storage);
  if (!token) {
    std::printf("%s: cannot seed: %s\n", label.c_str(), describe(token.error()).c_str());
    return;
  }
  bench::api_node node{storage, bench_now, std::max(80, clients + 16)};
  if (!node.port()) return void(std::printf("%s: cannot listen\n", label.c_str()));
  phase(label + " availability", node.port(),
        "/api/v2/availability?service=cut&from=2026-12-02&to=2026-12-03", *token, clients, seconds);
  phase(label + " appointments", node.port(), "/api/v2/appointments?limit=50", *token, clients,
        seconds);
}

}  // namespace

int main(int argc, char** argv) {
  spdlog::set_level(spdlog::level::warn);
  const std::chrono::seconds seconds{argc > 1 ? std::atoi(argv[1]) : 5};
  const int clients = argc > 2 ? std::atoi(argv[2]) : 64;
  std::printf(
      "tenant API: %d keep-alive clients, %lld s per phase; availability of 1 day x %d "
      "staff, appointments page of 50 of %d\n",
      clients, static_cast<long long>(seconds.count()), staff_count, appointment_count);
  bench::print_header();
  bench::for_each_backend("api", "sqlite",
                          [&](const std::string& label, const config::storage_settings& storage) {
                            run(label, storage, clients, seconds);
                          });
  return 0;
}
