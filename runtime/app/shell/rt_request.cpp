// rt.request(path, message, timeout_ms): the messages actors document as scriptable, by name.
#include "runtime/app/shell/rt_internal.hpp"
#include "runtime/atoms.hpp"
#include "runtime/bridge.hpp"

#include <lua.hpp>
#include <nlohmann/json.hpp>

namespace askpro::app::detail {
namespace {

using json = nlohmann::json;

/// An answer as a value: JSON text parsed (inspect), other text as it is.
json text_answer(const std::string& text) {
  auto parsed = json::parse(text, nullptr, false);
  return parsed.is_discarded() ? json(text) : parsed;
}

Result<json> ask_named(const rt_env& env, const caf::actor& to, const std::string& msg,
                       std::chrono::milliseconds timeout) {
  using runtime::ask;
  auto ok = [](Result<caf::ok_atom> r) -> Result<json> {
    if (!r) return std::move(r.error());
    return json("ok");
  };
  auto text = [](Result<std::string> r) -> Result<json> {
    if (!r) return std::move(r.error());
    return text_answer(*r);
  };
  if (msg == "inspect")
    return text(ask<std::string>(*env.sys, to, timeout, runtime::inspect_atom::value));
  if (msg == "ping") return ok(ask<caf::ok_atom>(*env.sys, to, timeout, runtime::ping_atom::value));
  if (msg == "breaker_state")
    return text(ask<std::string>(*env.sys, to, timeout, runtime::breaker_state_atom::value));
  if (msg == "breaker_reset")
    return ok(ask<caf::ok_atom>(*env.sys, to, timeout, runtime::breaker_reset_atom::value));
  if (msg == "breaker_open")
    return ok(ask<caf::ok_atom>(*env.sys, to, timeout, runtime::breaker_open_atom::value));
  return make_error(errc::invalid_argument,
                    "rt.request: '" + msg +
                        "' is no scriptable message (inspect, ping, breaker_state, "
                        "breaker_reset, breaker_open)");
}

}  // namespace

json rt_request(lua_State* L, const rt_env& env) {
  const char* path = luaL_checkstring(L, 1);
  const char* msg = luaL_checkstring(L, 2);
  const auto timeout = std::chrono::milliseconds{luaL_optinteger(L, 3, 1000)};
  auto to = env.registry->actor_at(path);
  if (!to) fail(make_error(errc::not_found, std::string{"no actor at "} + path));
  auto answer = ask_named(env, to, msg, timeout);
  if (!answer) fail(answer.error());
  return *answer;
}

}  // namespace askpro::app::detail
