#include "runtime/lua/lua_json.hpp"

#include <lua.hpp>
#include <nlohmann/json.hpp>

namespace askpro::runtime::lua {
namespace {

using json = nlohmann::json;
constexpr int max_depth = 64;

/// The length n when the table's keys are exactly 1..n (n > 0), else 0.
lua_Integer sequence_length(lua_State* L, int t) {
  const lua_Integer n = static_cast<lua_Integer>(lua_rawlen(L, t));
  if (n == 0) return 0;
  lua_Integer keys = 0;
  lua_pushnil(L);
  while (lua_next(L, t) != 0) {
    lua_pop(L, 1);
    if (!lua_isinteger(L, -1)) {
      lua_pop(L, 1);
      return 0;
    }
    ++keys;
  }
  return keys == n ? n : 0;
}

json value(lua_State* L, int index, int depth);

json table(lua_State* L, int t, int depth) {
  if (depth > max_depth) return "…";
  if (const auto n = sequence_length(L, t)) {
    json arr = json::array();
    for (lua_Integer i = 1; i <= n; ++i) {
      lua_rawgeti(L, t, i);
      arr.push_back(value(L, lua_gettop(L), depth + 1));
      lua_pop(L, 1);
    }
    return arr;
  }
  json obj = json::object();
  lua_pushnil(L);
  while (lua_next(L, t) != 0) {
    lua_pushvalue(L, -2);  // tostring of a copy: lua_next needs the key untouched
    std::string key = luaL_tolstring(L, -1, nullptr);
    lua_pop(L, 2);
    obj[key] = value(L, lua_gettop(L), depth + 1);
    lua_pop(L, 1);
  }
  return obj;
}

json value(lua_State* L, int index, int depth) {
  switch (lua_type(L, index)) {
    case LUA_TNIL:
      return nullptr;
    case LUA_TBOOLEAN:
      return lua_toboolean(L, index) != 0;
    case LUA_TNUMBER:
      if (lua_isinteger(L, index)) return static_cast<int64_t>(lua_tointeger(L, index));
      return lua_tonumber(L, index);
    case LUA_TSTRING: {
      std::size_t len = 0;
      const char* s = lua_tolstring(L, index, &len);
      return std::string(s, len);
    }
    case LUA_TTABLE:
      return table(L, lua_absindex(L, index), depth);
    default: {
      std::string text = luaL_tolstring(L, index, nullptr);
      lua_pop(L, 1);
      return text;
    }
  }
}

}  // namespace

json to_json(lua_State* L, int index) {
  return value(L, lua_absindex(L, index), 0);
}

std::string to_json_text(lua_State* L, int index) {
  return to_json(L, index).dump(-1, ' ', false, json::error_handler_t::replace);
}

void push_json(lua_State* L, const json& v) {
  luaL_checkstack(L, 3, "json too deep");
  switch (v.type()) {
    case json::value_t::null:
    case json::value_t::discarded:
      return lua_pushnil(L);
    case json::value_t::boolean:
      return lua_pushboolean(L, v.get<bool>());
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return lua_pushinteger(L, v.get<lua_Integer>());
    case json::value_t::number_float:
      return lua_pushnumber(L, v.get<double>());
    case json::value_t::string:
      return static_cast<void>(lua_pushlstring(L, v.get_ref<const std::string&>().data(),
                                               v.get_ref<const std::string&>().size()));
    case json::value_t::array: {
      lua_createtable(L, static_cast<int>(v.size()), 0);
      lua_Integer i = 0;
      for (const auto& x : v) {
        push_json(L, x);
        lua_rawseti(L, -2, ++i);
      }
      return;
    }
    default: {
      lua_createtable(L, 0, static_cast<int>(v.size()));
      for (const auto& [k, x] : v.items()) {
        push_json(L, x);
        lua_setfield(L, -2, k.c_str());
      }
      return;
    }
  }
}

}  // namespace askpro::runtime::lua
