#pragma once
/// `POST /ops/eval` on the ops listener (ops token): the body is Lua source, run by `evaluate`
/// (a fresh sandboxed engine with the `rt` module, built by the application) on the HTTP worker
/// thread, never on the actor scheduler's threads, so a runaway script cannot stall the
/// runtime; its budgets end it. Answers 200 `{"ok","result","output","error"}` (a Lua error is
/// `ok:false`, not an HTTP error); 400 for an empty body. Each eval is logged with its caller
/// and size, never its source.
/// Thread-safety: `evaluate` is called concurrently from the worker threads.

#include "net/http/route_group.hpp"
#include "runtime/lua/lua_engine.hpp"

#include <functional>
#include <memory>
#include <string>

namespace askpro::net::ops {

using evaluator = std::function<runtime::lua::lua_outcome(const std::string& code)>;

std::shared_ptr<http::route_group> make_eval_routes(evaluator evaluate);

}  // namespace askpro::net::ops
