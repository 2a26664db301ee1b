// help([name]): a line for every name of the shell, or the line of one.
#include "runtime/app/shell/rt_internal.hpp"

#include <lua.hpp>

namespace askpro::app {

const std::vector<std::pair<std::string, std::string>>& rt_names() {
  static const std::vector<std::pair<std::string, std::string>> names{
      {"rt.actors", "rt.actors([path]) -> the live actor tree (or the subtree at path) as a table"},
      {"rt.inspect", "rt.inspect(path) -> one actor: kind, status, restarts, mailbox, state"},
      {"rt.request",
       "rt.request(path, msg, timeout_ms) -> the actor's answer; msg: inspect, ping, "
       "breaker_state, breaker_reset, breaker_open"},
      {"rt.metrics", "rt.metrics() -> every metric sample: {['name{labels}'] = value}"},
      {"rt.tenants", "rt.tenants() -> { {slug=, name=, status=}, ... }"},
      {"rt.tenant",
       "rt.tenant(slug) -> a tenant: t:services(), t:staff(), t:appointments{from=, to=, status=}, "
       "t:availability{service=, from=, to=, staff=}, t:book{service=, date=, time= | start=, "
       "staff=, customer={name=, phone=}}, t:cancel(id) (the tenant API's rules and JSON)"},
      {"rt.simulate_call",
       "rt.simulate_call{to=, from=, steps={ {fn=, args={...}}, ... }} -> the function "
       "responses in order (signed webhooks and functions through the API listener)"},
      {"help", "help([name]) -> prints this list, or the line of one name"},
  };
  return names;
}

namespace detail {

nlohmann::json rt_help(lua_State* L, const rt_env&) {
  const std::string wanted = luaL_optstring(L, 1, "");
  std::string text;
  for (const auto& [name, line] : rt_names())
    if (wanted.empty() || name == wanted || name == "rt." + wanted) text += line + "\n";
  if (text.empty()) fail(make_error(errc::not_found, "help: no name '" + wanted + "'"));
  lua_getglobal(L, "print");
  lua_pushlstring(L, text.data(), text.size() - 1);
  lua_call(L, 1, 0);
  return nullptr;
}

}  // namespace detail
}  // namespace askpro::app
