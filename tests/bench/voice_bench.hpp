#pragma once
/// Shared by voice_bench*.cpp: the seeded tenants and the load phases of the voice benchmark.
/// Thread-safety: a `voice_rig` is built and read by the main thread; the phases start their
/// own client threads and join them before returning.

#include "actors/call/voice_router.hpp"
#include "tests/bench/bench_stats.hpp"

#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace askpro::bench {

constexpr int staff_count = 20;

/// One seeded tenant: its slug, dialled number and Retell key.
struct bench_tenant {
  std::string slug, number, key;
};

/// What the phases need: the API port, the signing time, the tenants, the voice deps (for
/// direct calls into the router) and the SQLite file (to count what was stored).
struct voice_rig {
  uint16_t port = 0;
  int64_t now_ms = 0;
  std::vector<bench_tenant> tenants;
  actors::call::voice_deps deps;
  std::string sqlite_path;
};

/// Per function samples of a set of calls: check_availability, reserve_slot, book_appointment.
struct call_stats {
  std::array<samples, 3> fn;
};

/// The three rows (p50/p99/max per function) under `title`; yields whole calls per second.
double print_calls(const std::string& title, const std::vector<call_stats>& per,
                   std::chrono::steady_clock::duration wall);

/// `count` calls one after another on the first tenant (no load): the floor of each function.
/// Each phase of calls yields its whole calls per second.
double sequential_calls(const voice_rig& rig, int count, int day);

/// route_number (dialled number to tenant and key) timed directly, one at a time.
void route_lookups(const voice_rig& rig, int count);

/// `calls` calls fired at the same instant, all in the first tenant (worst case: every call
/// does check, reserve and book back to back, no think time).
double burst_calls(const voice_rig& rig, int calls, int day);

/// `calls` concurrent calls over every tenant, each starting at a random moment within
/// `spread` and pausing `think` between its functions (a caller talking).
double paced_calls(const voice_rig& rig, int calls, int day, std::chrono::milliseconds spread,
                   std::chrono::milliseconds think);

/// `events` call_started webhooks for distinct calls from `threads` clients, then call_ended for
/// the same calls (each charging its call in the event's transaction); prints events/s answered
/// 204 of both, so the cost of charging is visible, and the inbox rows and charges stored.
/// call_ended carries a transcript and a summary, as Retell sends them. Yields both events/s.
std::pair<double, double> webhook_ingestion(const voice_rig& rig, int events, int threads);

/// The figures one round of the voice benchmark compares: whole calls per second unloaded and
/// in the burst, and webhook events durably recorded per second.
struct round_figures {
  double unloaded = 0, burst = 0, started = 0, ended = 0;
};

/// The medians of the rounds without (`off`) and with (`on`) `what`, and its cost in percent.
void print_cost(const std::string& what, const std::vector<round_figures>& off,
                const std::vector<round_figures>& on);

}  // namespace askpro::bench
