// Availability benchmark (SPEC S16): 30 days x 20 staff with 10,000 booked appointments.
// Prints the median and p99 time per query; not a pass/fail test.
#include "actors/booking/availability.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

using namespace askpro::actors::booking;
using steady = std::chrono::steady_clock;

namespace {

constexpr int staff_count = 20;
constexpr int appointment_count = 10000;
constexpr int runs = 400;

const time_point now = date::sys_days{date::year{2026} / 12 / 1} + std::chrono::hours{6};

branch_hours make_branch() {
  branch_hours b;
  b.time_zone = "Europe/Berlin";
  for (std::size_t d = 0; d < 6; ++d) b.week.days[d] = {{9 * 60, 12 * 60}, {13 * 60, 19 * 60}};
  b.closed.insert(date::local_days{date::year{2026} / 12 / 25});
  return b;
}

std::vector<staff_member> make_staff() {
  std::vector<staff_member> out;
  for (int i = 0; i < staff_count; ++i) {
    staff_member m;
    m.slug = "staff-" + std::to_string(100 + i);
    m.services = {"cut"};
    out.push_back(m);
  }
  return out;
}

/// 10,000 appointments on random working-hour quarters of the next `spread_days` days.
busy_index make_busy(const std::vector<staff_member>& staff, int spread_days) {
  std::mt19937 rng{20261201};
  std::uniform_int_distribution<int> day(0, spread_days - 1);
  std::uniform_int_distribution<int> quarter(0, 35);  // 09:00 .. 17:45 (UTC, roughly)
  std::uniform_int_distribution<int> length(1, 4);
  busy_index busy;
  for (int i = 0; i < appointment_count; ++i) {
    auto start = date::sys_days{date::year{2026} / 12 / 1} + date::days{day(rng)} +
                 std::chrono::hours{8} + minutes{15 * quarter(rng)};
    busy.add(appointment_block{staff[static_cast<std::size_t>(i % staff_count)].slug, start,
                               start + minutes{15 * length(rng)}, minutes{0}, minutes{5}});
  }
  return busy;
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  auto idx = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1));
  return v[idx];
}

void run(const char* label, const availability_context& ctx, const service_request& req) {
  const auto from = date::local_days{date::year{2026} / 12 / 1};
  std::vector<double> us;
  std::size_t found = 0;
  for (int i = 0; i < runs; ++i) {
    auto t0 = steady::now();
    auto result = slots(ctx, req, from, from + date::days{30});
    auto t1 = steady::now();
    if (!result) {
      std::printf("%s: error %s\n", label, askpro::describe(result.error()).c_str());
      return;
    }
    found = result->size();
    us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
  }
  std::printf("%-34s queries=%d slots=%zu median_ms=%.3f p99_ms=%.3f target_ms=2\n", label, runs,
              found, percentile(us, 0.5) / 1000.0, percentile(us, 0.99) / 1000.0);
}

}  // namespace

int main() {
  const auto branch = make_branch();
  const auto staff = make_staff();
  service cut;
  cut.slug = "cut";
  cut.duration = minutes{30};
  cut.buffer_after = minutes{5};
  for (int spread : {60, 365}) {
    auto t0 = steady::now();
    const auto busy = make_busy(staff, spread);
    auto t1 = steady::now();
    std::printf("availability index: %zu appointments over %d days built in %.3f ms\n", busy.size(),
                spread, std::chrono::duration<double, std::milli>(t1 - t0).count());
    availability_context ctx{branch, staff, busy, booking_rules{}, now};
    run("availability 30d x 20 staff (any)", ctx, {cut, std::nullopt});
    run("availability 30d x 1 staff (named)", ctx, {cut, staff[7].slug});
  }
  return 0;
}
