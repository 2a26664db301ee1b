#pragma once
/// The job queue as operators see it (SPEC S12 `/ops/jobs`): jobs by status, newest first, and
/// a dead job queued again (its attempts start over; the workers are told at once).
/// Thread-safety: blocking calls for any non-actor thread (HTTP handlers, the CLI).
/// Errors: invalid_argument (an unknown status), not_found (no such job), conflict (the job is
/// not dead), and the database's (storage, unavailable, timeout).

#include "persistence/repo/job_repo.hpp"
#include "runtime/clock.hpp"
#include "runtime/error.hpp"
#include "runtime/tree_registry.hpp"

#include <caf/fwd.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace askpro::actors::jobs {

struct admin_deps {
  caf::actor_system* sys = nullptr;  ///< required
  runtime::registry_ptr registry;    ///< required: /db and /jobs
  runtime::clock_ptr clock;          ///< required
  std::chrono::milliseconds timeout{5000};
};

/// Jobs with `status` (queued, running, done, dead, cancelled; "" for all), newest first.
[[nodiscard]] Result<std::vector<persistence::job_record>> list_jobs(const admin_deps& deps,
                                                                     const std::string& status,
                                                                     int limit);

/// Queues dead job `id` again now, on behalf of `operator_name` (the audit trail's actor).
[[nodiscard]] Result<persistence::job_record> retry_job(const admin_deps& deps, int64_t id,
                                                        const std::string& operator_name);

/// Tells this node's idle workers to look for due jobs now (after something was queued).
void poke_workers(const runtime::tree_registry& registry);

}  // namespace askpro::actors::jobs
