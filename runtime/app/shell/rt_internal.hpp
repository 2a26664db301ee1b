#pragma once
/// Shared by the `rt` binding files only.

#include "runtime/app/shell/rt_module.hpp"
#include "runtime/error.hpp"

#include <nlohmann/json.hpp>

#include <string>

struct lua_State;

namespace askpro::app::detail {

/// A binding's failure, raised into Lua as "<code>: <message>" once the C++ frames are gone.
struct rt_failure {
  std::string text;
};

[[noreturn]] inline void fail(const caf::error& err) {
  throw rt_failure{describe(err)};
}

nlohmann::json rt_request(lua_State* L, const rt_env& env);
nlohmann::json rt_help(lua_State* L, const rt_env& env);

}  // namespace askpro::app::detail
