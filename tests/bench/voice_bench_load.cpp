// The load phases of the voice benchmark (voice_bench.hpp): signed HTTP clients as Retell
// would send them, timed per function.
#include "persistence/database.hpp"
#include "tests/bench/bench_catalog.hpp"
#include "tests/bench/voice_bench.hpp"
#include "tests/fakes/retell_client.hpp"

#include <date/date.h>

#include <atomic>
#include <cstdio>
#include <random>
#include <thread>

namespace askpro::bench {
namespace {

const char* const function_names[] = {"check_availability", "reserve_slot", "book_appointment"};

/// Call `slot_index` of a staff member: back to back from 10:00 on 2026-12-02 + `day` (Berlin).
nlohmann::json args_of(int staff, int slot_index, int day) {
  int minute = 10 * 60 + 30 * slot_index;
  auto d = date::year_month_day{date::sys_days{date::year{2026} / 12 / 2} +
                                date::days{day + minute / (24 * 60)}};
  char date_text[16], time_text[8];
  std::snprintf(date_text, sizeof date_text, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()),
                unsigned(d.day()));
  std::snprintf(time_text, sizeof time_text, "%02d:%02d", (minute / 60) % 24, minute % 60);
  return {{"date", date_text},
          {"time", time_text},
          {"service", "cut"},
          {"staff", "s" + std::to_string(100 + staff % staff_count)}};
}

struct one_call_plan {
  const bench_tenant* tenant = nullptr;
  std::string call_id, from;
  nlohmann::json args;
  std::chrono::milliseconds start_delay{0}, think{0};
};

void one_call(const voice_rig& rig, const one_call_plan& plan, call_stats& out) {
  if (plan.start_delay.count() > 0) std::this_thread::sleep_for(plan.start_delay);
  fakes::retell_client client{"127.0.0.1", rig.port, plan.tenant->key};
  for (int f = 0; f < 3; ++f) {
    if (f > 0 && plan.think.count() > 0) std::this_thread::sleep_for(plan.think);
    auto body = fakes::retell_client::function(function_names[f], plan.args, plan.call_id,
                                               plan.from, plan.tenant->number);
    auto t0 = std::chrono::steady_clock::now();
    auto res = client.post("/webhooks/retell/functions", body.dump(), rig.now_ms);
    out.fn[f].add(std::chrono::steady_clock::now() - t0);
    if (!res || res->status != 200 || nlohmann::json::parse(res->body)["success"] != true)
      ++out.fn[f].errors;
  }
}

/// Runs every plan on its own thread; prints the rows under `title`.
double run_plans(const voice_rig& rig, const std::vector<one_call_plan>& plans,
                 const std::string& title) {
  std::vector<call_stats> per(plans.size());
  auto t0 = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (std::size_t i = 0; i < plans.size(); ++i)
    pool.emplace_back([&, i] { one_call(rig, plans[i], per[i]); });
  for (auto& th : pool) th.join();
  return print_calls(title, per, std::chrono::steady_clock::now() - t0);
}

one_call_plan plan_of(const voice_rig& rig, const std::string& prefix, int i, int day,
                      std::size_t tenant_count) {
  const auto t = static_cast<std::size_t>(i) % tenant_count;
  const int k = i / static_cast<int>(tenant_count);  // index within the tenant
  one_call_plan p;
  p.tenant = &rig.tenants[t];
  p.call_id = prefix + std::to_string(i);
  p.from = "+4915100" + std::to_string(100000 + i);
  p.args = args_of(k % staff_count, k / staff_count, day);
  return p;
}

/// The one number `sql` counts in the rig's database (-1 when it cannot be read).
int64_t count_in_db(const voice_rig& rig, const std::string& sql,
                    const std::vector<persistence::value>& binds = {}) {
  config::storage_settings s;
  s.driver = "sqlite";
  s.sqlite_path = rig.sqlite_path;
  auto conn = persistence::open(s);
  if (!conn) return -1;
  auto rs = (*conn)->query(sql, binds);
  if (!rs || rs->empty()) return -1;
  auto n = (*rs)[0].get<int64_t>(0);
  return n ? *n : -1;
}

int64_t count_inbox(const voice_rig& rig, const std::string& like) {
  return count_in_db(rig,
                     "SELECT COUNT(*) FROM webhook_inbox WHERE event = 'call_started' AND "
                     "external_id LIKE ?",
                     {like});
}

}  // namespace

double print_calls(const std::string& title, const std::vector<call_stats>& per,
                   std::chrono::steady_clock::duration wall) {
  std::printf("%s\n", title.c_str());
  print_header();
  for (int f = 0; f < 3; ++f) {
    samples all;
    for (const auto& s : per) all.merge(s.fn[f]);
    print_row(std::string{"  "} + function_names[f], all, wall);
  }
  const double calls_per_s = double(per.size()) / std::chrono::duration<double>(wall).count();
  std::printf("  calls/s: %.1f (whole calls of 3 functions)\n", calls_per_s);
  return calls_per_s;
}

double sequential_calls(const voice_rig& rig, int count, int day) {
  std::vector<call_stats> per(static_cast<std::size_t>(count));
  auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < count; ++i)
    one_call(rig, plan_of(rig, "call_seq_", i, day, 1), per[std::size_t(i)]);
  return print_calls("unloaded: " + std::to_string(count) + " calls one after another, one tenant",
                     per, std::chrono::steady_clock::now() - t0);
}

void route_lookups(const voice_rig& rig, int count) {
  print_header();
  for (auto mode : {actors::call::route_read::fresh, actors::call::route_read::cached}) {
    samples s;
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < count; ++i) {
      auto t = std::chrono::steady_clock::now();
      auto r = actors::call::route_number(rig.deps, rig.tenants.front().number, mode);
      s.add(std::chrono::steady_clock::now() - t);
      if (!r || !*r) ++s.errors;
    }
    print_row(mode == actors::call::route_read::fresh ? "route_number read (sequential)"
                                                      : "route_number cached (sequential)",
              s, std::chrono::steady_clock::now() - t0);
  }
}

double burst_calls(const voice_rig& rig, int calls, int day) {
  std::vector<one_call_plan> plans;
  for (int i = 0; i < calls; ++i) plans.push_back(plan_of(rig, "call_burst_", i, day, 1));
  return run_plans(rig, plans,
                   "burst: " + std::to_string(calls) +
                       " calls at the same instant, one tenant, no think time (worst case)");
}

double paced_calls(const voice_rig& rig, int calls, int day, std::chrono::milliseconds spread,
                   std::chrono::milliseconds think) {
  std::mt19937 rng{42};
  std::uniform_int_distribution<int> start{0, int(spread.count())};
  std::vector<one_call_plan> plans;
  for (int i = 0; i < calls; ++i) {
    auto p = plan_of(rig, "call_paced_", i, day, rig.tenants.size());
    p.start_delay = std::chrono::milliseconds{start(rng)};
    p.think = think;
    plans.push_back(std::move(p));
  }
  char title[200];
  std::snprintf(title, sizeof title,
                "paced: %d concurrent calls over %zu tenants, starts spread over %lld ms, %lld ms "
                "between a call's functions",
                calls, rig.tenants.size(), (long long)spread.count(), (long long)think.count());
  return run_plans(rig, plans, title);
}

namespace {

/// `events` webhooks named `name` for calls ing_0 … from `threads` clients; the latencies.
samples ingest_pass(const voice_rig& rig, const std::string& name, const nlohmann::json& extra,
                    int events, int threads, std::chrono::steady_clock::duration& wall) {
  std::atomic<int> next{0};
  std::vector<samples> per(static_cast<std::size_t>(threads));
  auto t0 = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      std::vector<fakes::retell_client> clients;  // call i belongs to tenant i % tenants
      for (const auto& tenant : rig.tenants)
        clients.emplace_back("127.0.0.1", rig.port, tenant.key);
      for (int i = next++; i < events; i = next++) {
        const auto k = std::size_t(i) % rig.tenants.size();
        auto body = fakes::retell_client::event(name, "ing_" + std::to_string(i),
                                                "+4915200" + std::to_string(100000 + i),
                                                rig.tenants[k].number, extra);
        auto t1 = std::chrono::steady_clock::now();
        auto res = clients[k].post("/webhooks/retell", body.dump(), rig.now_ms);
        per[std::size_t(t)].add(std::chrono::steady_clock::now() - t1);
        if (!res || res->status != 204) ++per[std::size_t(t)].errors;
      }
    });
  for (auto& th : pool) th.join();
  wall = std::chrono::steady_clock::now() - t0;
  samples all;
  for (const auto& s : per) all.merge(s);
  return all;
}

int64_t count_charges(const voice_rig& rig) {
  return count_in_db(rig,
                     "SELECT COUNT(*) FROM ledger_entries WHERE kind = 'call_charge' AND "
                     "reference LIKE 'call:ing_%'");
}

double per_second(int events, const samples& s, std::chrono::steady_clock::duration wall) {
  return (events - s.errors) / std::chrono::duration<double>(wall).count();
}

}  // namespace

std::pair<double, double> webhook_ingestion(const voice_rig& rig, int events, int threads) {
  std::chrono::steady_clock::duration started_wall{}, ended_wall{};
  auto started =
      ingest_pass(rig, "call_started", nlohmann::json::object(), events, threads, started_wall);
  // The same calls end: each call_ended also charges its call in the event's transaction.
  const nlohmann::json ended{
      {"call_status", "ended"},
      {"duration_ms", 61000},
      {"transcript", bench::bench_transcript()},
      {"call_analysis", {{"call_summary", "Termin fuer Dienstag gebucht."}}}};
  auto charged = ingest_pass(rig, "call_ended", ended, events, threads, ended_wall);
  std::printf("webhook ingestion: %d calls (distinct) from %d clients, started then ended\n",
              events, threads);
  print_header();
  print_row("  call_started -> 204", started, started_wall);
  print_row("  call_ended + charge -> 204", charged, ended_wall);
  const auto figures = std::make_pair(per_second(events, started, started_wall),
                                      per_second(events, charged, ended_wall));
  std::printf(
      "  events/s durably recorded: call_started %.0f (inbox rows %lld of %d), "
      "call_ended with its charge %.0f (charges %lld of %d)\n",
      figures.first, (long long)count_inbox(rig, "ing_%"), events, figures.second,
      (long long)count_charges(rig), events);
  return figures;
}

}  // namespace askpro::bench
