// Cal.com connection benchmark (SPEC S7/S16): check_availability through the tenant's booking
// actor, the branch's breaker and its Cal.com connection against the fake Cal.com with 80 ms of
// added latency per request — cold (every check a different week: a request each) and warm (the
// same checks again within calcom.cache_ttl_ms: answered from the connection's cache) — and
// bookings/s through Cal.com (find by request key, book, record locally). The key's limit is
// raised for the run (Cal.com's 120/min would cap the cold pass at 2 checks/s and bookings at
// ~1/s by design). SQLite file, and MariaDB when configured; not part of ctest.
//   calcom_bench [checks=40] [bookings=20] [latency_ms=80]
#include "actors/calendar/protocol.hpp"
#include "actors/tenant/tenancy_root.hpp"
#include "net/calcom/calcom_calendar.hpp"
#include "persistence/database.hpp"
#include "persistence/migrate.hpp"
#include "persistence/repo/catalog_repo.hpp"
#include "runtime/bridge.hpp"
#include "runtime/supervisor.hpp"
#include "tests/bench/bench_backends.hpp"
#include "tests/bench/bench_catalog.hpp"
#include "tests/bench/bench_stats.hpp"
#include "tests/fakes/calcom_server.hpp"

#include <date/date.h>
#include <spdlog/spdlog.h>
#include <caf/all.hpp>

#include <cstdio>
#include <cstdlib>

using namespace askpro;
using namespace std::chrono_literals;

namespace {

const auto bench_now = date::sys_days{date::year{2026} / 12 / 1} + std::chrono::hours{8};

persistence::tenant_catalog catalog(const std::string& url) {
  auto c = bench::bench_catalog("bench", 0);
  auto& b = c.branches[0];
  b.calendar_provider = "calcom";
  b.calendar_config = nlohmann::json{{"api_key", "cal_bench"}, {"base_url", url}}.dump();
  c.services[0].calcom_event_type_id = 1201;
  persistence::staff_record s;
  s.slug = "host";
  s.name = "Host";
  s.branch_slug = "main";
  s.service_slugs = {"cut"};
  c.staff.push_back(s);
  return c;
}

void start_fake(test::calcom_server& fake, int latency_ms) {
  fake.control("event_types", nlohmann::json::parse(R"([{"id": 1201, "length": 30,
      "timezone": "Europe/Berlin", "step": 30, "hours": {"mon": [["08:00", "20:00"]],
      "tue": [["08:00", "20:00"]], "wed": [["08:00", "20:00"]], "thu": [["08:00", "20:00"]],
      "fri": [["08:00", "20:00"]], "sat": [["08:00", "20:00"]], "sun": [["08:00", "20:00"]]}}])"));
  fake.control("limit", {{"per_min", 1000000}});
  fake.control("faults", {{"latency_ms", latency_ms}});
}

/// Check i: 10:00 Berlin on day 7·i after now (a different week each: a different window).
actors::calendar::check_query check(int i) {
  actors::calendar::check_query q;
  q.branch = "main";
  q.service = "cut";
  q.start = bench_now + std::chrono::hours{24 * 7 * (i + 1)} + 1h;
  return q;
}

template <class Reply, class Atom, class Query>
bench::samples drive(caf::actor_system& sys, const caf::actor& booking, int n, Atom atom,
                     Query (*make)(int), bool (*ok)(const Reply&)) {
  bench::samples s;
  for (int i = 0; i < n; ++i) {
    auto t = std::chrono::steady_clock::now();
    auto r = runtime::ask<Reply>(sys, booking, 30s, atom, make(i));
    s.add(std::chrono::steady_clock::now() - t);
    if (!r || !ok(*r)) ++s.errors;
  }
  return s;
}

actors::calendar::book_request booking(int i) {
  actors::calendar::book_request r;
  r.branch = "main";
  r.service = "cut";
  r.start = bench_now + 48h + 30min * i;
  r.customer_name = "Bench";
  r.customer_phone = "+4930" + std::to_string(1000000 + i);
  r.request_key = "bench|" + std::to_string(i);
  return r;
}

void run(const std::string& label, const config::storage_settings& storage, int checks,
         int bookings, int latency_ms) {
  test::calcom_server fake;
  start_fake(fake, latency_ms);
  auto conn = persistence::open(storage);
  if (!conn || !persistence::migrate(**conn) ||
      !persistence::apply_tenant(**conn, catalog(fake.base_url()), runtime::to_unix_ms(bench_now)))
    return (void)std::printf("could not seed the database\n");
  caf::actor_system_config cfg;
  cfg.add_error_category(error_category(), render_error);
  caf::actor_system sys{cfg};
  auto reg = std::make_shared<runtime::tree_registry>();
  config::settings settings;
  settings.calcom.rate_per_min = 1000000;
  actors::tenant::directory_config dir;
  dir.tenant.registry = reg;
  dir.tenant.clock = std::make_shared<runtime::manual_clock>(bench_now);
  dir.tenant.remote = net::calcom::make_remote_calendars(settings);
  auto root = runtime::spawn_supervisor(sys, actors::tenant::tenancy_root_spec(storage, dir));
  auto tenant = runtime::ask<actors::tenant::tenant_handle>(sys, reg->actor_at("/directory"), 30s,
                                                            actors::tenant::tenant_atom::value,
                                                            std::string{"bench"});
  if (!tenant) return (void)std::printf("tenant: %s\n", describe(tenant.error()).c_str());
  using namespace actors::calendar;
  auto free = +[](const check_reply& r) { return r.status == check_status::free; };
  for (const char* pass : {"check cold (a request each)", "check warm (cache)"}) {
    auto t0 = std::chrono::steady_clock::now();
    auto s = drive<check_reply>(sys, tenant->booking, checks, check_atom::value, &check, free);
    bench::print_row(label + ": " + pass, s, std::chrono::steady_clock::now() - t0);
  }
  auto t0 = std::chrono::steady_clock::now();
  auto booked = +[](const book_reply& r) { return r.booked; };
  auto s = drive<book_reply>(sys, tenant->booking, bookings, book_atom::value, &booking, booked);
  bench::print_row(label + ": book through Cal.com", s, std::chrono::steady_clock::now() - t0);
  caf::scoped_actor self{sys};
  self->send_exit(root, caf::exit_reason::user_shutdown);
}

}  // namespace

int main(int argc, char** argv) {
  spdlog::set_level(spdlog::level::warn);
  const int checks = argc > 1 ? std::atoi(argv[1]) : 40;
  const int bookings = argc > 2 ? std::atoi(argv[2]) : 20;
  const int latency = argc > 3 ? std::atoi(argv[3]) : 80;
  std::printf("Cal.com connection against the fake Cal.com (+%d ms per request)\n", latency);
  bench::print_header();
  bench::for_each_backend("calcom", "sqlite", [&](const std::string& label, const auto& storage) {
    run(label, storage, checks, bookings, latency);
  });
  return 0;
}
