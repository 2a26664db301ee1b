// The queue's keeper (/jobs/queue): gives back this node's claims of its previous life at start
// (what it held when it died is due again at once instead of after the lease), and counts the
// jobs by status every count_interval for its inspect and the askpro_jobs gauges.
#include "actors/jobs/jobs_internal.hpp"

#include "actors/observe/business_metrics.hpp"
#include "persistence/db_client.hpp"
#include "persistence/repo/call_repo.hpp"
#include "persistence/repo/job_repo.hpp"
#include "runtime/atoms.hpp"

#include <spdlog/spdlog.h>
#include <caf/all.hpp>
#include <nlohmann/json.hpp>

namespace askpro::actors::jobs::detail {
namespace {

using persistence::access;
using persistence::connection;
using count_atom = caf::atom_constant<caf::atom("jobcount")>;
using counts_t = std::vector<std::pair<std::string, int64_t>>;

int64_t now_ms(const queue_state& st) {
  return runtime::to_unix_ms(st.cfg.clock->now());
}

void release(queue_actor* self) {
  auto& st = self->state;
  auto db = st.cfg.registry->actor_at(st.cfg.db_path);
  if (!db) return;
  // Only claims from before the node started: its workers may have claimed jobs already (and
  // after a restart of this actor alone they hold some).
  persistence::request_db<int64_t>(
      self, db, access::write, st.cfg.db_timeout,
      [node = st.cfg.node_id, started = st.cfg.started_ms, now = now_ms(st)](connection& c) {
        return persistence::release_claims(c, node, started, now);
      })
      .then(
          [self](int64_t n) {
            self->state.released_at_start = n;
            if (n > 0) spdlog::info("jobs: {} claims of this node's previous run given back", n);
          },
          [self](caf::error& err) { self->state.last_error = describe(err); });
}

/// Retention: transcripts older than their tenant's `retention.transcript_days` go.
void purge_transcripts(queue_actor* self, const caf::actor& db, int64_t now) {
  persistence::request_db<int64_t>(
      self, db, access::write, self->state.cfg.db_timeout,
      [now](connection& c) { return persistence::purge_transcripts(c, now); })
      .then(
          [self](int64_t n) {
            self->state.transcripts_purged += n;
            if (n > 0) spdlog::info("retention: transcripts of {} calls purged", n);
          },
          [self](caf::error& err) { self->state.last_error = describe(err); });
}

/// At start and hourly: done and cancelled jobs older than keep_done go, and transcripts past
/// their tenant's retention.
void purge(queue_actor* self, const caf::actor& db) {
  auto& st = self->state;
  const auto now = now_ms(st);
  if (now - st.purged_at < 3'600'000) return;
  st.purged_at = now;
  const auto before =
      now - std::chrono::duration_cast<std::chrono::milliseconds>(st.cfg.keep_done).count();
  persistence::request_db<int64_t>(
      self, db, access::write, st.cfg.db_timeout,
      [before](connection& c) { return persistence::purge_jobs(c, before); })
      .then([self](int64_t n) { self->state.purged += n; },
            [self](caf::error& err) { self->state.last_error = describe(err); });
  purge_transcripts(self, db, now);
}

void count(queue_actor* self) {
  auto& st = self->state;
  self->delayed_send(self, st.cfg.count_interval, count_atom::value);
  auto db = st.cfg.registry->actor_at(st.cfg.db_path);
  if (!db) return;
  purge(self, db);
  persistence::request_db<counts_t>(self, db, access::read, st.cfg.db_timeout,
                                    [](connection& c) { return persistence::count_jobs(c); })
      .then(
          [self](counts_t& counts) {
            observe::set_job_counts(counts);
            self->state.counts = std::move(counts);
            self->state.counted_at = now_ms(self->state);
          },
          [self](caf::error& err) { self->state.last_error = describe(err); });
}

std::string inspect_json(const queue_state& st) {
  nlohmann::json counts = nlohmann::json::object();
  for (const auto& [status, n] : st.counts) counts[status] = n;
  nlohmann::json j{{"node", st.cfg.node_id}, {"workers", st.cfg.workers},
                   {"counts", counts},       {"released_at_start", st.released_at_start},
                   {"purged", st.purged},    {"transcripts_purged", st.transcripts_purged}};
  j["counted_at"] = st.counted_at ? nlohmann::json(st.counted_at) : nlohmann::json(nullptr);
  j["last_error"] = st.last_error.empty() ? nlohmann::json(nullptr) : nlohmann::json(st.last_error);
  return j.dump();
}

caf::behavior queue(queue_actor* self, jobs_config cfg) {
  self->state.cfg = std::move(cfg);
  release(self);
  self->send(self, count_atom::value);
  return {
      [=](count_atom) { count(self); },
      [=](runtime::inspect_atom) { return inspect_json(self->state); },
  };
}

}  // namespace

runtime::start_fn queue_start(jobs_config cfg) {
  return [cfg](caf::actor_system& sys, const std::string&, const caf::message&) {
    return sys.spawn(queue, cfg);
  };
}

}  // namespace askpro::actors::jobs::detail
