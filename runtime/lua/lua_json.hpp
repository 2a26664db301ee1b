#pragma once
/// Lua values ↔ JSON, in one place for every binding: nil ↔ null, booleans, integers and
/// floats, strings, tables (a sequence 1..n ↔ array, anything else ↔ object with string keys;
/// an empty table is an empty object). Functions and other values become their tostring text;
/// nesting deeper than 64 is cut with "…".
/// Thread-safety: uses the given state only. Errors: none (lossy cases are documented above).

#include <nlohmann/json_fwd.hpp>

#include <string>

struct lua_State;

namespace askpro::runtime::lua {

nlohmann::json to_json(lua_State* L, int index);
std::string to_json_text(lua_State* L, int index);
/// Pushes `value` on the stack (arrays become sequences, objects tables).
void push_json(lua_State* L, const nlohmann::json& value);

}  // namespace askpro::runtime::lua
