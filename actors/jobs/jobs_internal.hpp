#pragma once
// Shared by the job queue's actors (jobs.hpp): their states and start functions.

#include "actors/jobs/jobs.hpp"
#include "runtime/counted_actor.hpp"
#include "runtime/error.hpp"

#include <caf/stateful_actor.hpp>

#include <chrono>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace askpro::persistence {
class connection;
}

namespace askpro::actors::jobs::detail {

struct worker_state {
  jobs_config cfg;
  std::optional<int64_t> current;  ///< the job being run, or whose outcome is being recorded
  std::function<Result<bool>(persistence::connection&)> outcome;  ///< its write, until recorded
  int64_t lease_end = 0;                                          ///< its claim's end (Unix ms)
  std::chrono::milliseconds retry_gap{50};
  bool claiming = false;
  bool timer_pending = false;
  int64_t claimed = 0, done = 0, failed = 0;
  int64_t outcome_retries = 0;  ///< outcome writes that failed and were tried again
  std::mt19937_64 rng;
  static inline const char* name = "job_worker";
};
using worker_actor = runtime::counted_stateful<worker_state>;

struct queue_state {
  jobs_config cfg;
  std::vector<std::pair<std::string, int64_t>> counts;  ///< by status, at `counted_at`
  int64_t counted_at = 0;
  int64_t released_at_start = 0;
  int64_t purged_at = 0, purged = 0;
  int64_t transcripts_purged = 0;  ///< calls whose transcripts retention cleared
  std::string last_error;
  static inline const char* name = "job_queue";
};
using queue_actor = runtime::counted_stateful<queue_state>;

runtime::start_fn worker_start(jobs_config cfg);
runtime::start_fn queue_start(jobs_config cfg);

}  // namespace askpro::actors::jobs::detail
