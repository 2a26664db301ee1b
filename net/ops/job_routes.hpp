#pragma once
/// The job queue on the ops listener (contract.md "HTTP routes", SPEC S12):
/// - `GET /ops/jobs[?status=queued|running|done|dead|cancelled][&limit=N]` — list shape
///   `{"data":[{"id","kind","status","attempts","max_attempts","run_at","last_error"}],
///   "next_cursor":null}`, newest first (limit 1..500, default 100); 400 for an unknown status.
/// - `POST /ops/jobs/{id}/retry` — a dead job queued again: 200 with the job, 404 unknown id,
///   409 when it is not dead. Logged with the caller.
/// Payloads (they hold messages to customers) are never shown. Authentication is the listener's
/// guard (ops_guard.hpp).
/// Thread-safety: handlers run concurrently; each makes its own blocking calls.

#include "actors/jobs/job_admin.hpp"
#include "net/http/route_group.hpp"

namespace askpro::net::ops {

class job_routes final : public http::route_group {
 public:
  explicit job_routes(actors::jobs::admin_deps deps) : deps_(std::move(deps)) {}
  void mount(http::router& routes) override;

 private:
  actors::jobs::admin_deps deps_;
};

}  // namespace askpro::net::ops
