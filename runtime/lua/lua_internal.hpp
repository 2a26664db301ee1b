#pragma once
/// Shared by the engine's files only (lua_engine.cpp, lua_sandbox.cpp).

#include "runtime/lua/lua_engine.hpp"

#include <lua.hpp>

namespace askpro::runtime::lua::detail {

/// Opens the allowed libraries and replaces the unsafe parts (see lua_engine.hpp).
void open_sandbox(lua_State* L);

/// Appends a `print` line to the engine's current output.
void emit(lua_State* L, const std::string& line);

}  // namespace askpro::runtime::lua::detail
