#pragma once
/// A set of routes mounted on one listener: health, ops actors, and later the tenant API,
/// webhooks and MCP. New groups plug in without touching the server code.
/// Ownership: the edge keeps every registered group alive until it is destroyed, so handlers
/// may capture `this`. Thread-safety: `mount` runs once, before the listener starts; the
/// handlers it registers run concurrently on the listener's worker threads.

namespace askpro::net::http {

class router;

class route_group {
 public:
  virtual ~route_group() = default;

  /// Registers the group's handlers on `routes`.
  virtual void mount(router& routes) = 0;
};

}  // namespace askpro::net::http
