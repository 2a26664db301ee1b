#include "net/http/health_routes.hpp"

#include "net/http/respond.hpp"
#include "net/http/router.hpp"
#include "runtime/atoms.hpp"
#include "runtime/breaker.hpp"
#include "runtime/bridge.hpp"

#include <spdlog/spdlog.h>
#include <caf/atom.hpp>

namespace askpro::net::http {

health_routes::health_routes(caf::actor_system& sys, runtime::registry_ptr registry,
                             bool redis_enabled, std::chrono::milliseconds timeout)
    : sys_(sys), registry_(std::move(registry)), redis_enabled_(redis_enabled), timeout_(timeout) {}

void health_routes::mount(router& routes) {
  routes.get("/api/health", [](const httplib::Request&, httplib::Response& res) {
    respond_json(res, 200, {{"status", "ok"}});
  });
  routes.get("/api/health/ready", [this](const httplib::Request&, httplib::Response& res) {
    nlohmann::json checks = {{"database", check("/db")},
                             {"redis", redis_enabled_ ? check("/redis") : "disabled"}};
    std::string failing;
    for (const auto& [name, state] : checks.items())
      if (state != "ok" && state != "disabled") failing += (failing.empty() ? "" : ", ") + name;
    // Open breakers cut off some tenants' calendars only: their calls still get answers ("we
    // call you back"), so they are named but do not make the node unready.
    auto breakers = open_breakers();
    if (failing.empty()) {
      respond_json(res, 200,
                   {{"status", breakers.empty() ? "ready" : "degraded"},
                    {"checks", checks},
                    {"open_breakers", breakers}});
      return;
    }
    spdlog::warn("not ready: {}", failing);
    auto p = problem_for_status(503, "not ready: " + failing);
    p.code = "not_ready";
    respond_problem(res, p, {{"checks", checks}, {"open_breakers", breakers}});
  });
}

nlohmann::json health_routes::open_breakers() const {
  auto out = nlohmann::json::array();
  for (const auto& node : registry_->snapshot()) {
    if (node.kind != "breaker") continue;
    auto code = runtime::breaker_state_code(node.handle);
    if (code && *code != 0)
      out.push_back({{"breaker", node.path}, {"state", *code == 1 ? "half_open" : "open"}});
  }
  return out;
}

std::string health_routes::check(const std::string& path) const {
  auto actor = registry_->actor_at(path);
  if (!actor) return "missing";
  auto answer = runtime::ask<caf::ok_atom>(sys_, actor, timeout_, runtime::ping_atom::value);
  if (answer) return "ok";
  return code_of(answer.error()) == errc::timeout ? "timeout" : "error";
}

}  // namespace askpro::net::http
