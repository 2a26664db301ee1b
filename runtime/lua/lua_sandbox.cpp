// The sandbox: the allowed standard libraries only, `load` restricted to text, no string.dump,
// and `print` into the run's output.
#include "runtime/lua/lua_internal.hpp"

#include <string>

namespace askpro::runtime::lua::detail {
namespace {

/// load(chunk [, chunkname [, mode [, env]]]) with mode forced to "t": no binary chunks.
int safe_load(lua_State* L) {
  const int n = lua_gettop(L);
  lua_pushvalue(L, lua_upvalueindex(1));  // the original load
  lua_pushvalue(L, 1);
  if (n >= 2)
    lua_pushvalue(L, 2);
  else
    lua_pushnil(L);
  lua_pushliteral(L, "t");
  if (n >= 4) lua_pushvalue(L, 4);
  const int args = n >= 4 ? 4 : 3;
  lua_call(L, args, LUA_MULTRET);
  return lua_gettop(L) - n;
}

/// print(...): tostring of each argument, tab-separated, one line.
int sandbox_print(lua_State* L) {
  const int n = lua_gettop(L);
  std::string line;
  for (int i = 1; i <= n; ++i) {
    std::size_t len = 0;
    const char* s = luaL_tolstring(L, i, &len);
    if (i > 1) line += '\t';
    line.append(s, len);
    lua_pop(L, 1);
  }
  emit(L, line + "\n");
  return 0;
}

void open(lua_State* L, const char* name, lua_CFunction fn) {
  luaL_requiref(L, name, fn, 1);
  lua_pop(L, 1);
}

void clear_field(lua_State* L, const char* table, const char* field) {
  lua_getglobal(L, table);
  lua_pushnil(L);
  lua_setfield(L, -2, field);
  lua_pop(L, 1);
}

}  // namespace

void open_sandbox(lua_State* L) {
  open(L, LUA_GNAME, luaopen_base);
  open(L, LUA_TABLIBNAME, luaopen_table);
  open(L, LUA_STRLIBNAME, luaopen_string);
  open(L, LUA_MATHLIBNAME, luaopen_math);
  open(L, LUA_UTF8LIBNAME, luaopen_utf8);
  open(L, LUA_COLIBNAME, luaopen_coroutine);
  for (const char* name : {"dofile", "loadfile", "require"}) {
    lua_pushnil(L);
    lua_setglobal(L, name);
  }
  clear_field(L, LUA_STRLIBNAME, "dump");
  lua_getglobal(L, "load");
  lua_pushcclosure(L, safe_load, 1);
  lua_setglobal(L, "load");
  lua_pushcfunction(L, sandbox_print);
  lua_setglobal(L, "print");
}

}  // namespace askpro::runtime::lua::detail
