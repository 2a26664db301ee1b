#pragma once
/// Health endpoints of the API listener (SPEC S12):
/// - `GET /api/health` — liveness: 200 `{"status":"ok"}` while the process serves HTTP;
/// - `GET /api/health/ready` — readiness: pings the actor at "/db" (and "/redis" when Redis is
///   configured) with `runtime::ping_atom`, expecting `caf::ok_atom`; 200
///   `{"status":"ready"|"degraded","checks":{"database":"ok","redis":"ok"|"disabled"},
///   "open_breakers":[{"breaker":path,"state":"open"|"half_open"}]}` ("degraded" while a breaker
///   is not closed: some tenants' calendars are cut off, their calls still answered), or a 503
///   problem (code "not_ready") whose `checks` name the failing check ("missing", "timeout",
///   "error") — the database or Redis, never a breaker.
/// Thread-safety: handlers run concurrently; each ping is its own blocking request.
/// Ownership: keeps the registry alive; borrows the actor system, which must outlive the
/// listener.

#include "net/http/route_group.hpp"
#include "runtime/tree_registry.hpp"

#include <caf/fwd.hpp>
#include <nlohmann/json_fwd.hpp>

#include <chrono>
#include <string>

namespace askpro::net::http {

class health_routes final : public route_group {
 public:
  health_routes(caf::actor_system& sys, runtime::registry_ptr registry, bool redis_enabled,
                std::chrono::milliseconds timeout);

  void mount(router& routes) override;

 private:
  /// "ok", or why the actor at `path` is not healthy ("missing", "timeout", "error").
  std::string check(const std::string& path) const;
  /// Every breaker of the tree that is not closed, read without messaging them.
  nlohmann::json open_breakers() const;

  caf::actor_system& sys_;
  runtime::registry_ptr registry_;
  bool redis_enabled_;
  std::chrono::milliseconds timeout_;
};

}  // namespace askpro::net::http
