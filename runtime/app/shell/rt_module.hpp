#pragma once
/// The shell's `rt` module (contract.md "The `rt` module of the shell"), registered on a
/// sandboxed engine: the live tree (rt.actors, rt.inspect), scriptable requests to actors by path
/// (rt.request), the metrics (rt.metrics), the tenants (rt.tenants), whole simulated calls
/// through the signed webhook path (rt.simulate_call) and `help([name])`.
/// Runtime errors come back as Lua errors "<code>: <message>" (e.g. "not_found: no actor at /x").
/// Thread-safety: run the engine on a non-actor thread (bindings block on the runtime with
/// time-outs). Ownership: `env` is copied into the state; the actor system must outlive it.

#include "runtime/clock.hpp"
#include "runtime/error.hpp"
#include "runtime/lua/lua_engine.hpp"
#include "runtime/tree_registry.hpp"

#include <caf/fwd.hpp>

#include <chrono>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace askpro::app {

struct rt_env {
  caf::actor_system* sys = nullptr;  ///< required
  runtime::registry_ptr registry;    ///< required
  runtime::clock_ptr clock;          ///< required
  std::chrono::milliseconds timeout{5000};
  /// The API listener's base URL for rt.simulate_call ("http://127.0.0.1:8080"); may start one
  /// on first use. Empty: simulate_call answers unavailable.
  std::function<Result<std::string>()> api_url;
};

void open_rt(runtime::lua::lua_engine& engine, const rt_env& env);

/// (name, one line of help) for every global the module adds, for `help()` and completion.
const std::vector<std::pair<std::string, std::string>>& rt_names();

}  // namespace askpro::app
