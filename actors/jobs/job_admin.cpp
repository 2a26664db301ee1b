// Operators' view of the job queue (job_admin.hpp).
#include "actors/jobs/job_admin.hpp"

#include "actors/jobs/jobs.hpp"
#include "persistence/db_client.hpp"
#include "runtime/log.hpp"

#include <caf/all.hpp>

#include <array>

namespace askpro::actors::jobs {
namespace {

using persistence::access;
using persistence::connection;
using persistence::job_record;

bool known_status(const std::string& s) {
  static const std::array<const char*, 5> all = {"queued", "running", "done", "dead", "cancelled"};
  for (const char* k : all)
    if (s == k) return true;
  return false;
}

caf::actor db_of(const admin_deps& deps) {
  return deps.registry->actor_at("/db");
}

}  // namespace

Result<std::vector<job_record>> list_jobs(const admin_deps& deps, const std::string& status,
                                          int limit) {
  if (!status.empty() && !known_status(status))
    return make_error(errc::invalid_argument,
                      "status must be one of queued, running, done, dead, cancelled");
  return persistence::run_blocking<std::vector<job_record>>(
      *deps.sys, db_of(deps), access::read, deps.timeout,
      [status, limit](connection& c) { return persistence::list_jobs(c, status, limit); });
}

Result<job_record> retry_job(const admin_deps& deps, int64_t id, const std::string& operator_name) {
  auto now = runtime::to_unix_ms(deps.clock->now());
  persistence::audit_context who{"ops:" + operator_name, runtime::correlation_id()};
  auto job = persistence::run_blocking<job_record>(
      *deps.sys, db_of(deps), access::write, deps.timeout,
      [id, now, who](connection& c) { return persistence::retry_job(c, id, now, who); });
  if (job) poke_workers(*deps.registry);
  return job;
}

void poke_workers(const runtime::tree_registry& registry) {
  for (int i = 1;; ++i) {
    auto worker = registry.actor_at("/jobs/worker-" + std::to_string(i));
    if (!worker) return;
    caf::anon_send(worker, poke_atom::value);
  }
}

}  // namespace askpro::actors::jobs
