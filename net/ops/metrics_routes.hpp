#pragma once
/// `GET /metrics` on the ops listener (behind the ops token): the process's metrics in the
/// Prometheus text format 0.0.4 — the HTTP and business families kept as requests and calls
/// happen, and the live tree's figures (actors, restarts, mailboxes, breakers) of this node,
/// computed at scrape time.
/// Thread-safety: handlers run concurrently; rendering takes short locks only.
/// Ownership: keeps the registry alive.

#include "net/http/route_group.hpp"
#include "runtime/tree_registry.hpp"

namespace askpro::net::ops {

/// The whole exposition text (also what the route answers).
std::string metrics_text(const runtime::tree_registry& registry);

class metrics_routes final : public http::route_group {
 public:
  explicit metrics_routes(runtime::registry_ptr registry);
  void mount(http::router& routes) override;

 private:
  runtime::registry_ptr registry_;
};

}  // namespace askpro::net::ops
