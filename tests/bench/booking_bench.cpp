// Booking throughput through the tenant's booking actor with durable commits (S16): each
// booking loads the branch's busy time, runs the engine check and the booking transaction
// (staff lock, overlap re-check, insert, commit). Bookings of one tenant are serialized by its
// booking actor, so bookings/s here is the per-tenant ceiling. Runs on a fresh SQLite file and,
// when ASKPRO_TEST_MYSQL_HOST is set, on a scratch MariaDB database. Not part of ctest.
//   booking_bench [bookings=400] [client_threads=8]
#include "tests/bench/bench_backends.hpp"
#include "tests/bench/bench_stats.hpp"
#include "tests/bench/booking_load.hpp"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <cstdlib>

using namespace askpro;

int main(int argc, char** argv) {
  spdlog::set_level(spdlog::level::warn);
  const int total = argc > 1 ? std::atoi(argv[1]) : 400;
  const int threads = argc > 2 ? std::atoi(argv[2]) : 8;
  std::printf("booking through the booking actor: %d bookings, %d client threads, %d staff\n",
              total, threads, bench::booking_staff);
  bench::print_header();
  bench::for_each_backend(
      "booking", "sqlite (file, WAL)",
      [&](const std::string& label, const config::storage_settings& storage) {
        bench::run_bookings(label, storage, {total, threads, nullptr, false, "bench"});
      });
  return 0;
}
