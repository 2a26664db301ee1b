#pragma once
/// The durable job queue's actors (SPEC S10), under the root as
///
///   /jobs             supervisor, one_for_one (kind "jobs")
///     /jobs/queue     the queue's keeper: at start it gives back the claims this node held
///                     when it last died; it counts jobs by status every few seconds (its inspect
///                     and the askpro_jobs gauges) and hourly deletes done and cancelled jobs
///                     older than `keep_done` (their payloads are messages to customers)
///     /jobs/worker-N  workers (jobs.workers of them): each claims one due job at a time with a
///                     lease (jobs.lease_ms), hands it to the actor its kind names, and marks it
///                     done, or failed with a retry after an exponential, jittered gap
///                     (jobs.backoff_ms doubling per attempt), dead after its last attempt
///
/// A handler is any actor (a channel's breaker) that answers `(run_job_atom, job_record)` with
/// `caf::ok_atom` when the job's work is done, or an error (the job is retried). A job whose
/// kind has no handler on this node fails with a clear error (and is retried, as another node
/// may have the channel). An idle worker looks again every jobs.poll_ms; one that finished a
/// job looks at once. Time (run_at, leases) comes from the clock, so tests move a manual clock.
///
/// Thread-safety: building specs is pure; the actors talk by messages only.
/// Errors: a failed claim is logged and tried again after the poll interval.

#include "runtime/clock.hpp"
#include "runtime/supervisor.hpp"
#include "runtime/tree_registry.hpp"

#include <caf/atom.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace askpro::actors::jobs {

/// `(run_job_atom, persistence::job_record)` → `caf::ok_atom`: do the job's work.
using run_job_atom = caf::atom_constant<caf::atom("runjob")>;
/// `(poke_atom)` to a worker: look for due jobs now (idle workers only; no answer).
using poke_atom = caf::atom_constant<caf::atom("jobpoke")>;

/// Jobs of `kind` go to the actor registered at `path`.
struct job_handler {
  std::string kind;
  std::string path;
};

struct jobs_config {
  std::string node_id;  ///< required: the name of this node's claims
  int workers = 4;
  std::chrono::milliseconds backoff{1000};
  std::chrono::milliseconds poll{500};
  std::chrono::milliseconds lease{60000};
  std::chrono::milliseconds count_interval{5000};  ///< how often /jobs/queue counts
  std::chrono::hours keep_done{24 * 7};
  /// When this node started (Unix ms; 0: when the spec is built): its claims from before are
  /// its previous run's and are given back.
  int64_t started_ms = 0;
  std::vector<job_handler> handlers;
  runtime::registry_ptr registry;  ///< required
  runtime::clock_ptr clock;        ///< required
  std::string db_path = "/db";
  std::chrono::milliseconds db_timeout{5000};
};

/// The child spec of /jobs for the root supervisor.
runtime::child_spec jobs_child_spec(jobs_config cfg);

/// The gap before the next try of a job that failed its `attempts`-th attempt: backoff ×
/// 2^(attempts−1), capped at one hour, jittered into its upper half by `jitter` in [0, 1]
/// (so each gap is at least as long as the one before).
int64_t retry_gap_ms(std::chrono::milliseconds backoff, int attempts, double jitter);

}  // namespace askpro::actors::jobs
