// Booking throughput through the tenant's booking actor with durable commits (S16): each
// booking loads the branch's busy time, runs the engine check and the booking transaction
// (staff lock, overlap re-check, insert, commit). Bookings of one tenant are serialized by its
// booking actor, so bookings/s here is the per-tenant ceiling. Runs on a fresh SQLite file and,
// when ASKPRO_TEST_MYSQL_HOST is set, on a scratch MariaDB database. Not part of ctest.
//   booking_bench [bookings=400] [client_threads=8]
#include "actors/calendar/protocol.hpp"
#include "actors/tenant/tenancy_root.hpp"
#include "actors/tenant/tenant_directory.hpp"
#include "actors/tenant/tenant_supervisor.hpp"
#include "persistence/database.hpp"
#include "persistence/db_actor.hpp"
#include "persistence/migrate.hpp"
#include "persistence/repo/catalog_repo.hpp"
#include "runtime/bridge.hpp"
#include "runtime/supervisor.hpp"
#include "tests/bench/bench_backends.hpp"
#include "tests/bench/bench_stats.hpp"
#include "tests/support/services.hpp"

#include <date/date.h>
#include <spdlog/spdlog.h>
#include <unistd.h>
#include <caf/all.hpp>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <thread>

using namespace askpro;
using namespace std::chrono_literals;

namespace {

constexpr int staff_count = 20;
const auto bench_now = date::sys_days{date::year{2026} / 12 / 1} + std::chrono::hours{8};

persistence::tenant_catalog catalog() {
  persistence::tenant_catalog c;
  c.company = {};
  c.company.slug = "bench";
  c.company.name = "Bench";
  c.company.time_zone = "Europe/Berlin";
  c.company.locale = "de-DE";
  c.company.country = "DE";
  c.company.horizon_days = 365;
  persistence::branch_record b;
  b.slug = "main";
  b.name = "Main";
  b.time_zone = "Europe/Berlin";
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

bool seed(const config::storage_settings& storage) {
  auto conn = persistence::open(storage);
  if (!conn || !persistence::migrate(**conn)) return false;
  return static_cast<bool>(
      persistence::apply_tenant(**conn, catalog(), runtime::to_unix_ms(bench_now)));
}

/// Booking i: staff i % 20, every staff member's bookings back to back from now + 2 h.
actors::calendar::book_request request(int i) {
  actors::calendar::book_request r;
  r.branch = "main";
  r.service = "cut";
  r.staff = "s" + std::to_string(100 + i % staff_count);
  r.start = bench_now + 2h + std::chrono::minutes{30} * (i / staff_count);
  return r;
}

void run(const std::string& label, const config::storage_settings& storage, int total,
         int threads) {
  if (!seed(storage)) {
    std::printf("%s: could not seed the database\n", label.c_str());
    return;
  }
  caf::actor_system_config cfg;
  cfg.add_error_category(error_category(), render_error);
  caf::actor_system sys{cfg};
  auto reg = std::make_shared<runtime::tree_registry>();
  auto clk = std::make_shared<runtime::manual_clock>(bench_now);
  actors::tenant::directory_config dir;
  dir.tenant.registry = reg;
  dir.tenant.clock = clk;
  auto root = runtime::spawn_supervisor(sys, actors::tenant::tenancy_root_spec(storage, dir));
  auto tenant = runtime::ask<actors::tenant::tenant_handle>(sys, reg->actor_at("/directory"), 30s,
                                                            actors::tenant::tenant_atom::value,
                                                            std::string{"bench"});
  if (!tenant) {
    std::printf("%s: %s\n", label.c_str(), describe(tenant.error()).c_str());
    return;
  }
  std::atomic<int> next{0};
  std::vector<bench::samples> per_thread(static_cast<std::size_t>(threads));
  auto t0 = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      for (int i = next++; i < total; i = next++) {
        auto start = std::chrono::steady_clock::now();
        auto r = runtime::ask<actors::calendar::book_reply>(
            sys, tenant->booking, 60s, actors::calendar::book_atom::value, request(i));
        per_thread[static_cast<std::size_t>(t)].add(std::chrono::steady_clock::now() - start);
        if (!r || !r->booked) ++per_thread[static_cast<std::size_t>(t)].errors;
      }
    });
  for (auto& th : pool) th.join();
  auto wall = std::chrono::steady_clock::now() - t0;
  bench::samples all;
  for (const auto& s : per_thread) all.merge(s);
  bench::print_row(label, all, wall);
  caf::scoped_actor self{sys};
  self->send_exit(root, caf::exit_reason::user_shutdown);
}

}  // namespace

int main(int argc, char** argv) {
  spdlog::set_level(spdlog::level::warn);
  const int total = argc > 1 ? std::atoi(argv[1]) : 400;
  const int threads = argc > 2 ? std::atoi(argv[2]) : 8;
  std::printf("booking through the booking actor: %d bookings, %d client threads, %d staff\n",
              total, threads, staff_count);
  bench::print_header();
  bench::for_each_backend("booking", "sqlite (file, WAL)",
                          [&](const std::string& label, const config::storage_settings& storage) {
                            run(label, storage, total, threads);
                          });
  return 0;
}
