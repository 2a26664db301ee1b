// A job worker (/jobs/worker-N): claims one due job at a time for this node, hands it to the
// actor its kind names and records the outcome. Looks again at once after a job, after the poll
// interval when there was none. Every database step goes through /db.
#include "actors/jobs/jobs_internal.hpp"

#include "persistence/db_client.hpp"
#include "persistence/repo/job_repo.hpp"
#include "runtime/atoms.hpp"

#include <spdlog/spdlog.h>
#include <caf/all.hpp>
#include <nlohmann/json.hpp>

#include <random>

namespace askpro::actors::jobs::detail {
namespace {

using persistence::access;
using persistence::connection;
using persistence::job_record;
using tick_atom = caf::atom_constant<caf::atom("jobtick")>;
using record_atom = caf::atom_constant<caf::atom("jobrecord")>;

int64_t now_ms(const worker_state& st) {
  return runtime::to_unix_ms(st.cfg.clock->now());
}

/// At most one delayed look is pending at a time (pokes and finished jobs look at once).
void look_later(worker_actor* self) {
  if (self->state.timer_pending) return;
  self->state.timer_pending = true;
  self->delayed_send(self, self->state.cfg.poll, tick_atom::value);
}

/// Records the settled job's outcome. A failed write (a busy database, /db restarting) is tried
/// again, doubling the gap up to a second, for as long as the job's lease is ours: a lost outcome
/// would leave the job running until its lease ran out, and then send it a second time. The
/// worker claims nothing else meanwhile.
void record(worker_actor* self) {
  auto& st = self->state;
  if (!st.outcome) return;
  auto db = st.cfg.registry->actor_at(st.cfg.db_path);
  auto retry = [self](const std::string& why) {
    auto& st = self->state;
    if (now_ms(st) + st.retry_gap.count() >= st.lease_end) {
      spdlog::error("jobs: the outcome of job {} was not recorded: {}", *st.current, why);
      st.outcome = nullptr;
      st.current.reset();
      return look_later(self);
    }
    ++st.outcome_retries;
    self->delayed_send(self, st.retry_gap, record_atom::value);
    st.retry_gap = std::min(st.retry_gap * 2, std::chrono::milliseconds{1000});
  };
  if (!db) return retry("the database actor is not running");
  persistence::request_db<bool>(self, db, access::write, st.cfg.db_timeout, st.outcome)
      .then(
          [self](bool held) {
            auto& st = self->state;
            if (!held) spdlog::warn("jobs: job {} was taken over by another claim", *st.current);
            st.outcome = nullptr;
            st.current.reset();
            self->send(self, poke_atom::value);
          },
          [retry](caf::error& err) { retry(describe(err)); });
}

/// Marks the job done, or failed with its retry gap; then looks for the next one.
void settle(worker_actor* self, job_record job, std::optional<std::string> error,
            bool give_up = false) {
  auto& st = self->state;
  auto now = now_ms(st);
  const auto node = st.cfg.node_id;
  if (!error) {
    ++st.done;
    st.outcome = [id = job.id, node, now](connection& c) {
      return persistence::finish_job(c, id, node, now);
    };
  } else {
    ++st.failed;
    auto gap = retry_gap_ms(st.cfg.backoff, job.attempts,
                            std::uniform_real_distribution<double>{0, 1}(st.rng));
    spdlog::warn("jobs: job {} ({}) attempt {}/{} failed: {}", job.id, job.kind, job.attempts,
                 job.max_attempts, *error);
    st.outcome = [id = job.id, node, err = *error, at = now + gap, now, give_up](connection& c) {
      return persistence::fail_job(c, id, node, err, at, now, give_up);
    };
  }
  st.lease_end = job.claimed_until.value_or(now + st.cfg.lease.count());
  st.retry_gap = std::chrono::milliseconds{50};
  record(self);
}

const job_handler* handler_of(const worker_state& st, const std::string& kind) {
  for (const auto& h : st.cfg.handlers)
    if (h.kind == kind) return &h;
  return nullptr;
}

/// Hands the job to its handler; an answer within the lease settles it.
void run(worker_actor* self, job_record job) {
  auto& st = self->state;
  st.current = job.id;
  const auto* h = handler_of(st, job.kind);
  auto target = h ? st.cfg.registry->actor_at(h->path) : caf::actor{};
  if (!target) {
    auto why = h ? "its handler " + h->path + " is not running"
                 : "no handler for kind " + job.kind + " on this node";
    return settle(self, std::move(job), why);
  }
  auto timeout =
      std::max(st.cfg.lease - std::chrono::milliseconds{500}, std::chrono::milliseconds{100});
  self->request(target, timeout, run_job_atom::value, job)
      .then([self, job](caf::ok_atom) { settle(self, job, std::nullopt); },
            [self, job](caf::error& err) {
              // A refusal of the job itself (the gateway rejected the message) will not change.
              settle(self, job, describe(err), code_of(err) == errc::invalid_argument);
            });
}

/// Claims one due job; runs it or looks again later.
void claim(worker_actor* self) {
  auto& st = self->state;
  if (st.current || st.claiming) return;
  auto db = st.cfg.registry->actor_at(st.cfg.db_path);
  if (!db) return look_later(self);
  st.claiming = true;
  auto lease = st.cfg.lease.count();
  persistence::request_db<std::vector<job_record>>(
      self, db, access::write, st.cfg.db_timeout,
      [node = st.cfg.node_id, now = now_ms(st), lease](connection& c) {
        return persistence::claim_jobs(c, node, now, lease, 1);
      })
      .then(
          [self](std::vector<job_record>& jobs) {
            self->state.claiming = false;
            if (jobs.empty()) return look_later(self);
            ++self->state.claimed;
            run(self, std::move(jobs.front()));
          },
          [self](caf::error& err) {
            self->state.claiming = false;
            spdlog::error("jobs: claiming failed: {}", describe(err));
            look_later(self);
          });
}

std::string inspect_json(const worker_state& st) {
  nlohmann::json j{{"node", st.cfg.node_id},
                   {"claimed", st.claimed},
                   {"done", st.done},
                   {"failed", st.failed},
                   {"outcome_retries", st.outcome_retries}};
  j["current_job"] = st.current ? nlohmann::json(*st.current) : nlohmann::json(nullptr);
  return j.dump();
}

caf::behavior worker(worker_actor* self, jobs_config cfg) {
  self->state.cfg = std::move(cfg);
  self->state.rng.seed(std::random_device{}());
  self->send(self, poke_atom::value);
  return {
      [=](tick_atom) {
        self->state.timer_pending = false;
        claim(self);
      },
      [=](poke_atom) { claim(self); },
      [=](record_atom) { record(self); },
      [=](runtime::inspect_atom) { return inspect_json(self->state); },
  };
}

}  // namespace

runtime::start_fn worker_start(jobs_config cfg) {
  return [cfg](caf::actor_system& sys, const std::string&, const caf::message&) {
    return sys.spawn(worker, cfg);
  };
}

}  // namespace askpro::actors::jobs::detail
