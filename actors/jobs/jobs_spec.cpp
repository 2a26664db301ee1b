// The /jobs subtree (jobs.hpp) and the retry gap.
#include "actors/jobs/jobs_internal.hpp"

#include <algorithm>
#include <cmath>

namespace askpro::actors::jobs {

runtime::child_spec jobs_child_spec(jobs_config cfg) {
  if (cfg.started_ms == 0) cfg.started_ms = runtime::to_unix_ms(cfg.clock->now());
  runtime::supervisor_spec spec;
  spec.kind = "jobs";
  spec.strat = runtime::strategy::one_for_one;
  spec.intensity = 10;
  spec.period = std::chrono::seconds{30};
  spec.registry = cfg.registry;
  spec.clock = cfg.clock;
  spec.children.push_back({"queue", "job_queue", detail::queue_start(cfg),
                           runtime::restart_type::permanent, std::chrono::seconds{5}});
  for (int i = 1; i <= cfg.workers; ++i)
    spec.children.push_back({"worker-" + std::to_string(i), "job_worker", detail::worker_start(cfg),
                             runtime::restart_type::permanent, std::chrono::seconds{5}});
  return {"jobs", "jobs", runtime::supervisor_start(std::move(spec)),
          runtime::restart_type::permanent, std::chrono::seconds{10}};
}

int64_t retry_gap_ms(std::chrono::milliseconds backoff, int attempts, double jitter) {
  constexpr double cap = 3600.0 * 1000.0;
  const double full = std::min(
      cap, static_cast<double>(backoff.count()) * std::pow(2.0, std::max(0, attempts - 1)));
  const double j = std::clamp(jitter, 0.0, 1.0);
  return static_cast<int64_t>(full / 2 + full / 2 * j);
}

}  // namespace askpro::actors::jobs
