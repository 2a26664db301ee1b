#pragma once
/// Actor inspection on the ops listener (SPEC S12):
/// - `GET /ops/actors` — the live tree as JSON (runtime::collect_tree_json);
/// - `GET /ops/actors/<path>` — one node, e.g. `/ops/actors/tenants/acme/booking` → the node
///   at "/tenants/acme/booking" (runtime::inspect_node_json); 404 problem when absent.
/// - `POST /ops/actors/<path>/restart|stop`, `POST /ops/breakers/<path>/reset|open` — the
///   operator's actions (runtime::act_on): 200 with the node after the action, 404 unknown path
///   (or no breaker), 409 when it cannot be done (the root). Each is logged with the caller
///   (`X-Ops-User` and peer address) inside the request's correlation scope.
/// Authentication is the listener's guard (ops_guard.hpp), not this group's.
/// Thread-safety: handlers run concurrently; each collects with its own blocking requests.
/// Ownership: keeps the registry alive; borrows the actor system, which must outlive the
/// listener.

#include "net/http/route_group.hpp"
#include "runtime/tree_registry.hpp"

#include <caf/fwd.hpp>

#include <chrono>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace askpro::net::ops {

class actor_routes final : public http::route_group {
 public:
  /// `timeout` bounds how long each actor may take to answer `inspect` (unanswered: busy).
  actor_routes(caf::actor_system& sys, runtime::registry_ptr registry,
               std::chrono::milliseconds timeout);

  void mount(http::router& routes) override;

 private:
  void act_on(const httplib::Request& req, httplib::Response& res) const;

  caf::actor_system& sys_;
  runtime::registry_ptr registry_;
  std::chrono::milliseconds timeout_;
  std::chrono::milliseconds action_timeout_{10000};  ///< a stop waits for the shutdown grace
};

}  // namespace askpro::net::ops
