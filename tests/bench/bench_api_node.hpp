#pragma once
/// A runtime with the tenants and the tenant API (and so /mcp) on the real edge, on loopback
/// port 0, for the API and MCP benchmarks; and the admin token they authenticate with.
/// Thread-safety: build and destroy on one thread; requests may come from any thread.

#include "config/settings.hpp"
#include "persistence/connection.hpp"
#include "persistence/repo/tenant_scope.hpp"
#include "runtime/clock.hpp"

#include <caf/fwd.hpp>

#include <cstdint>
#include <memory>
#include <string>

namespace askpro::bench {

/// A new admin token of the tenant, stored through the real repository; its secret.
[[nodiscard]] Result<std::string> admin_token(persistence::connection& conn,
                                              persistence::tenant_scope scope,
                                              runtime::clock::time_point now);

class api_node {
 public:
  /// Starts /tenants on `storage` with a manual clock at `now` and the API listener with
  /// `threads` workers. `port()` is 0 when it could not listen.
  api_node(const config::storage_settings& storage, runtime::clock::time_point now, int threads);
  ~api_node();
  api_node(const api_node&) = delete;
  api_node& operator=(const api_node&) = delete;

  uint16_t port() const { return port_; }

 private:
  struct parts;
  std::unique_ptr<parts> parts_;
  uint16_t port_ = 0;
};

}  // namespace askpro::bench
