// The booking load shared by the booking and jobs benchmarks (booking_load.hpp).
#include "tests/bench/booking_load.hpp"

#include "actors/calendar/protocol.hpp"
#include "actors/tenant/tenancy_root.hpp"
#include "actors/tenant/tenant_directory.hpp"
#include "actors/tenant/tenant_supervisor.hpp"
#include "persistence/database.hpp"
#include "persistence/migrate.hpp"
#include "persistence/repo/catalog_repo.hpp"
#include "runtime/bridge.hpp"
#include "runtime/supervisor.hpp"
#include "tests/bench/bench_catalog.hpp"
#include "tests/bench/bench_stats.hpp"

#include <date/date.h>
#include <caf/all.hpp>

#include <atomic>
#include <cstdio>
#include <thread>

namespace askpro::bench {
namespace {

using namespace std::chrono_literals;

constexpr int staff_count = booking_staff;
const auto bench_now = date::sys_days{date::year{2026} / 12 / 1} + std::chrono::hours{8};

persistence::tenant_catalog catalog(const std::string& slug) {
  return bench_catalog(slug, staff_count);
}

bool seed(const config::storage_settings& storage, const std::string& slug) {
  auto conn = persistence::open(storage);
  if (!conn || !persistence::migrate(**conn)) return false;
  return static_cast<bool>(
      persistence::apply_tenant(**conn, catalog(slug), runtime::to_unix_ms(bench_now)));
}

/// Booking i: staff i % 20, every staff member's bookings back to back from now + 2 h; with
/// `customers`, for customer i (found or created by number, with an e-mail address).
actors::calendar::book_request request(int i, bool customers) {
  actors::calendar::book_request r;
  if (customers) {
    r.customer_phone = "+49151" + std::to_string(20'000'000 + i);
    r.customer_name = "Kunde " + std::to_string(i);
    r.customer_email = "kunde" + std::to_string(i) + "@example.org";
  }
  r.branch = "main";
  r.service = "cut";
  r.staff = "s" + std::to_string(100 + i % staff_count);
  r.start = bench_now + 2h + std::chrono::minutes{30} * (i / staff_count);
  return r;
}

}  // namespace

void run_bookings(const std::string& label, const config::storage_settings& storage,
                  const booking_load& load) {
  const int total = load.total;
  const int threads = load.threads;
  if (!seed(storage, load.slug)) {
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
  dir.tenant.notify = load.notify;
  auto root = runtime::spawn_supervisor(sys, actors::tenant::tenancy_root_spec(storage, dir));
  auto tenant = runtime::ask<actors::tenant::tenant_handle>(
      sys, reg->actor_at("/directory"), 30s, actors::tenant::tenant_atom::value, load.slug);
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
        auto r = runtime::ask<actors::calendar::book_reply>(sys, tenant->booking, 60s,
                                                            actors::calendar::book_atom::value,
                                                            request(i, load.customers));
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

}  // namespace askpro::bench
