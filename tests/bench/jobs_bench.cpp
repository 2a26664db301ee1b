// The durable job queue (S10, issue "jobs"): how many jobs per second a node's workers drain
// (claim with a lease, hand to the handler, mark done — each a database transaction) with 1, 2
// and 4 workers, and what the outbox adds to a booking (the booking load with and without its
// confirmation and reminder jobs, in one run). The drained jobs' handler answers at once, so the
// figure is the queue's own cost, not a gateway's. SQLite, and MariaDB when ASKPRO_TEST_MYSQL_*
// is set. Not part of ctest.
//   jobs_bench [jobs=2000] [bookings=400]
#include "actors/jobs/jobs.hpp"
#include "persistence/database.hpp"
#include "persistence/db_actor.hpp"
#include "persistence/db_client.hpp"
#include "persistence/migrate.hpp"
#include "persistence/repo/job_repo.hpp"
#include "persistence/transaction.hpp"
#include "runtime/bridge.hpp"
#include "runtime/counted_actor.hpp"
#include "tests/bench/bench_backends.hpp"
#include "tests/bench/bench_stats.hpp"
#include "tests/bench/booking_load.hpp"

#include <spdlog/spdlog.h>
#include <caf/all.hpp>

#include <cstdio>
#include <cstdlib>
#include <thread>

using namespace askpro;
using namespace std::chrono_literals;

namespace {

/// The drained jobs' handler: done at once.
caf::behavior noop_handler(caf::event_based_actor*) {
  return {[](actors::jobs::run_job_atom, const persistence::job_record&) {
    return caf::ok_atom::value;
  }};
}

bool enqueue(const config::storage_settings& storage, int n, const std::string& batch) {
  auto conn = persistence::open(storage);
  if (!conn || !persistence::migrate(**conn)) return false;
  auto done =
      persistence::with_transaction(**conn, [&](persistence::connection& c) -> Result<void> {
        for (int i = 0; i < n; ++i) {
          persistence::job_spec spec;
          spec.kind = "bench.noop";
          spec.idempotency_key = batch + ":" + std::to_string(i);
          if (auto job = persistence::enqueue_job(c, spec, 0); !job) return std::move(job.error());
        }
        return caf::unit;
      });
  return static_cast<bool>(done);
}

runtime::supervisor_spec drain_tree(const config::storage_settings& storage, int workers,
                                    const runtime::registry_ptr& reg,
                                    const runtime::clock_ptr& clk) {
  runtime::supervisor_spec spec;
  spec.path = "/";
  spec.kind = "root";
  spec.registry = reg;
  spec.clock = clk;
  spec.children.push_back(persistence::db_child_spec(storage, reg, clk));
  spec.children.push_back({"noop", "bench_handler",
                           [](caf::actor_system& sys, const std::string&, const caf::message&) {
                             return sys.spawn(noop_handler);
                           }});
  actors::jobs::jobs_config cfg;
  cfg.node_id = "bench";
  cfg.workers = workers;
  cfg.poll = 5ms;
  cfg.handlers = {{"bench.noop", "/noop"}};
  cfg.registry = reg;
  cfg.clock = clk;
  spec.children.push_back(actors::jobs::jobs_child_spec(cfg));
  return spec;
}

int64_t queued(caf::actor_system& sys, const runtime::tree_registry& reg) {
  auto counts = persistence::run_blocking<std::vector<std::pair<std::string, int64_t>>>(
      sys, reg.actor_at("/db"), persistence::access::read, 10s,
      [](persistence::connection& c) { return persistence::count_jobs(c); });
  if (!counts) return -1;
  int64_t open = 0;
  for (const auto& [status, n] : *counts)
    if (status == "queued" || status == "running") open += n;
  return open;
}

void drain(const std::string& label, const config::storage_settings& storage, int workers, int n) {
  if (!enqueue(storage, n, label + "-" + std::to_string(workers))) {
    std::printf("%s: could not enqueue\n", label.c_str());
    return;
  }
  caf::actor_system_config cfg;
  cfg.add_error_category(error_category(), render_error);
  caf::actor_system sys{cfg};
  auto reg = std::make_shared<runtime::tree_registry>();
  auto clk = runtime::make_system_clock();
  auto t0 = std::chrono::steady_clock::now();
  auto root = runtime::spawn_supervisor(sys, drain_tree(storage, workers, reg, clk));
  while (queued(sys, *reg) > 0) std::this_thread::sleep_for(20ms);  // watching the drain
  auto wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%-22s %2d worker(s): %6d jobs in %7.2f s = %8.0f jobs/s\n", label.c_str(), workers,
              n, wall, n / wall);
  caf::scoped_actor self{sys};
  self->send_exit(root, caf::exit_reason::user_shutdown);
}

}  // namespace

int main(int argc, char** argv) {
  spdlog::set_level(spdlog::level::warn);
  const int jobs = argc > 1 ? std::atoi(argv[1]) : 2000;
  const int bookings = argc > 2 ? std::atoi(argv[2]) : 400;
  std::printf("jobs drained by one node (handler answers at once): %d jobs per run\n", jobs);
  bench::for_each_backend("jobs", "sqlite (file, WAL)",
                          [&](const std::string& label, const config::storage_settings& s) {
                            for (int workers : {1, 2, 4}) drain(label, s, workers, jobs);
                          });
  std::printf(
      "\nbooking with and without its outbox (2 confirmations + 2 reminders): %d bookings"
      ", 8 client threads, each for its own customer\n",
      bookings);
  auto policy = std::make_shared<actors::notify::outbox_policy>();
  policy->channels = {"sms", "email"};
  bench::print_header();
  bench::for_each_backend(
      "jobs-booking", "sqlite (file, WAL)",
      [&](const std::string& label, const config::storage_settings& s) {
        bench::run_bookings(label + " no outbox", s, {bookings, 8, nullptr, true, "plain"});
        bench::run_bookings(label + " outbox", s, {bookings, 8, policy, true, "outbox"});
      });
  return 0;
}
