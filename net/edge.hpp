#pragma once
/// The application's HTTP edge, free of httplib.h: the API listener (`http.listen`: health,
/// later the tenant API and webhooks) and the ops listener (`ops.listen`: actor inspection,
/// every route behind `Authorization: Bearer <ops.token>`). Both are tuned cpp-httplib servers
/// (net/http/server.hpp) following the conventions of net/http/conventions.hpp.
///
/// More route groups plug in with add_api_routes / add_ops_routes before start().
/// Thread-safety: construct, add routes, start and stop from one thread; `ports` from any.
/// Ownership: borrows the actor system (must outlive the edge), shares the registry, owns the
/// listeners and the route groups; the destructor stops and drains.
/// Errors: start() returns errc::unavailable when a listener cannot bind (nothing keeps
/// running then), errc::internal when started twice.

#include "config/settings.hpp"
#include "net/http/route_group.hpp"
#include "runtime/error.hpp"
#include "runtime/tree_registry.hpp"

#include <caf/fwd.hpp>

#include <chrono>
#include <cstdint>
#include <memory>

namespace askpro::net {

/// The ports the listeners bound (useful with port 0).
struct edge_ports {
  uint16_t api = 0;
  uint16_t ops = 0;
};

/// Knobs that are not operator configuration.
struct edge_options {
  std::chrono::milliseconds ready_timeout{1000};   ///< per readiness ping
  std::chrono::milliseconds inspect_timeout{500};  ///< per actor in /ops/actors
  int ops_threads = 8;                             ///< ops listener workers
};

class edge {
 public:
  edge(const config::settings& settings, caf::actor_system& sys, runtime::registry_ptr registry,
       edge_options options = {});
  ~edge();
  edge(const edge&) = delete;
  edge& operator=(const edge&) = delete;

  /// Adds a group to the API listener; mounted after the built-in routes at start().
  void add_api_routes(std::shared_ptr<http::route_group> group);

  /// Adds a group to the ops listener (behind the ops token); mounted at start().
  void add_ops_routes(std::shared_ptr<http::route_group> group);

  /// Mounts the routes and starts both listeners; returns once both accept connections.
  [[nodiscard]] Result<edge_ports> start();

  /// The bound ports (zeros before start()).
  edge_ports ports() const;

  /// Stops accepting on both listeners, lets in-flight requests finish, then returns.
  /// Idempotent.
  void stop();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace askpro::net
