// The `rt` bindings: each is a C function with the environment as its first upvalue; failures of
// the runtime are raised as Lua errors after every C++ object of the binding is gone.
#include "runtime/app/shell/rt_module.hpp"

#include "runtime/app/shell/rt_internal.hpp"

#include "net/ops/metrics_routes.hpp"
#include "persistence/db_client.hpp"
#include "persistence/repo/catalog_repo.hpp"
#include "runtime/atoms.hpp"
#include "runtime/bridge.hpp"
#include "runtime/lua/lua_json.hpp"
#include "runtime/tree_collector.hpp"

#include <lua.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

namespace askpro::app {
namespace {

using json = nlohmann::json;
using binding = json (*)(lua_State*, const rt_env&);

using detail::fail;
using detail::rt_failure;

std::string arg_string(lua_State* L, int i, const char* what) {
  if (lua_type(L, i) != LUA_TSTRING) throw rt_failure{std::string{"invalid_argument: "} + what};
  return lua_tostring(L, i);
}

json tree(const rt_env& env) {
  return json::parse(runtime::collect_tree_json(*env.sys, *env.registry, env.timeout / 10));
}

const json* find_node(const json& n, const std::string& path) {
  if (n.value("path", "") == path) return &n;
  auto kids = n.find("children");
  if (kids == n.end() || !kids->is_array()) return nullptr;
  for (const auto& c : *kids)  // by reference: the answer points into the tree
    if (const auto* hit = find_node(c, path)) return hit;
  return nullptr;
}

json rt_actors(lua_State* L, const rt_env& env) {
  auto all = tree(env);
  if (lua_isnoneornil(L, 1)) return all;
  const auto path = arg_string(L, 1, "rt.actors(path): path must be a string");
  const auto* node = find_node(all, path);
  if (!node) fail(make_error(errc::not_found, "no actor at " + path));
  return *node;
}

json rt_inspect(lua_State* L, const rt_env& env) {
  const auto path = arg_string(L, 1, "rt.inspect(path): path must be a string");
  auto text = runtime::inspect_node_json(*env.sys, *env.registry, path, env.timeout / 10);
  if (text.empty()) fail(make_error(errc::not_found, "no actor at " + path));
  return json::parse(text);
}

json rt_metrics(lua_State*, const rt_env& env) {
  json out = json::object();
  std::istringstream in(net::ops::metrics_text(*env.registry));
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto space = line.rfind(' ');
    out[line.substr(0, space)] = std::stod(line.substr(space + 1));
  }
  return out;
}

json rt_tenants(lua_State*, const rt_env& env) {
  auto list = persistence::run_blocking<std::vector<persistence::company_record>>(
      *env.sys, env.registry->actor_at("/db"), persistence::access::read, env.timeout,
      [](persistence::connection& c) { return persistence::list_companies(c); });
  if (!list) fail(list.error());
  json out = json::array();
  for (const auto& c : *list)
    out.push_back({{"slug", c.slug}, {"name", c.name}, {"status", c.status}});
  return out;
}

int dispatch(lua_State* L) {
  const auto* env = static_cast<const rt_env*>(lua_touserdata(L, lua_upvalueindex(1)));
  const auto fn = reinterpret_cast<binding>(lua_touserdata(L, lua_upvalueindex(2)));
  std::string error;
  try {
    runtime::lua::push_json(L, fn(L, *env));
    return 1;
  } catch (const rt_failure& f) {
    error = f.text;
  } catch (const std::exception& e) {
    error = std::string{"internal: "} + e.what();
  }
  return luaL_error(L, "%s", error.c_str());
}

}  // namespace

namespace {

void push_binding(lua_State* L, rt_env* env, binding fn) {
  lua_pushlightuserdata(L, env);
  lua_pushlightuserdata(L, reinterpret_cast<void*>(fn));
  lua_pushcclosure(L, dispatch, 2);
}

/// Keeps a copy of `env` in the state, destroyed with it.
rt_env* store_env(lua_State* L, const rt_env& env) {
  auto* stored = static_cast<rt_env*>(lua_newuserdatauv(L, sizeof(rt_env), 0));
  new (stored) rt_env(env);
  lua_newtable(L);  // its metatable: the C++ object is destroyed with the state
  lua_pushcfunction(L, [](lua_State* S) {
    static_cast<rt_env*>(lua_touserdata(S, 1))->~rt_env();
    return 0;
  });
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  lua_setfield(L, LUA_REGISTRYINDEX, "askpro.rt_env");  // kept alive by the registry
  return stored;
}

/// rt.tenant(slug): the binding's table with the tenant methods behind its metatable.
void open_tenant(lua_State* L, rt_env* env) {
  static const char* wrap =
      "local rt, raw, methods = ...\n"
      "local meta = {__index = methods}\n"
      "rt.tenant = function(slug) return setmetatable(raw(slug), meta) end\n";
  luaL_loadstring(L, wrap);
  lua_getglobal(L, "rt");
  push_binding(L, env, detail::rt_tenant);
  const std::pair<const char*, binding> methods[] = {
      {"services", detail::rt_tenant_services},
      {"staff", detail::rt_tenant_staff},
      {"appointments", detail::rt_tenant_appointments},
      {"availability", detail::rt_tenant_availability},
      {"book", detail::rt_tenant_book},
      {"cancel", detail::rt_tenant_cancel},
  };
  lua_newtable(L);
  for (const auto& [name, fn] : methods) {
    push_binding(L, env, fn);
    lua_setfield(L, -2, name);
  }
  lua_call(L, 3, 0);
}

}  // namespace

void open_rt(runtime::lua::lua_engine& engine, const rt_env& env) {
  lua_State* L = engine.state();
  auto* stored = store_env(L, env);
  const std::pair<const char*, binding> fns[] = {
      {"actors", rt_actors},   {"inspect", rt_inspect}, {"request", detail::rt_request},
      {"metrics", rt_metrics}, {"tenants", rt_tenants}, {"simulate_call", detail::rt_simulate_call},
  };
  lua_newtable(L);
  for (const auto& [name, fn] : fns) {
    push_binding(L, stored, fn);
    lua_setfield(L, -2, name);
  }
  lua_setglobal(L, "rt");
  open_tenant(L, stored);
  push_binding(L, stored, detail::rt_help);
  lua_setglobal(L, "help");
}

}  // namespace askpro::app
