// rt.simulate_call{to=, from=, steps={ {fn=, args=}, … }}: a whole call through the real signed
// webhook and function handlers of the API listener; answers the function responses in order.
#include "net/retell/call_simulator.hpp"
#include "persistence/db_client.hpp"
#include "persistence/repo/catalog_repo.hpp"
#include "runtime/app/shell/rt_internal.hpp"
#include "runtime/lua/lua_json.hpp"

#include <lua.hpp>

#include <random>

namespace askpro::app::detail {
namespace {

using json = nlohmann::json;

/// The Retell key of the tenant the number belongs to (from the database).
std::string key_of(const rt_env& env, const std::string& to) {
  auto key = persistence::run_blocking<std::string>(
      *env.sys, env.registry->actor_at("/db"), persistence::access::read, env.timeout,
      [to](persistence::connection& c) -> Result<std::string> {
        auto route = persistence::route_phone(c, to);
        if (!route) return std::move(route.error());
        if (!*route) return make_error(errc::not_found, "no tenant answers " + to);
        auto company = persistence::find_company(c, (*route)->company_slug);
        if (!company) return std::move(company.error());
        if (!*company || (*company)->retell_api_key.empty())
          return make_error(errc::config, "the tenant of " + to + " has no Retell key");
        return (*company)->retell_api_key;
      });
  if (!key) fail(key.error());
  return *key;
}

std::string fresh_call_id() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  char buf[32];
  std::snprintf(buf, sizeof buf, "call_sim_%016llx", static_cast<unsigned long long>(rng()));
  return buf;
}

net::retell::call_script script_of(const json& spec) {
  net::retell::call_script s;
  if (!spec.contains("to") || !spec["to"].is_string())
    fail(make_error(errc::invalid_argument,
                    "rt.simulate_call: 'to' (the dialled number) is required"));
  s.to = spec["to"];
  s.from = spec.value("from", std::string{"+4915100000000"});
  s.call_id = spec.value("call_id", fresh_call_id());
  if (!spec.contains("steps") || !spec["steps"].is_array())
    fail(make_error(errc::invalid_argument, "rt.simulate_call: 'steps' must be a list"));
  for (const auto& step : spec["steps"]) {
    if (!step.is_object() || !step.contains("fn") || !step["fn"].is_string())
      fail(make_error(errc::invalid_argument, "rt.simulate_call: every step needs fn="));
    auto args = step.value("args", json::object());
    s.steps.emplace_back(step["fn"].get<std::string>(),
                         (args.is_object() ? args : json::object()).dump());
  }
  return s;
}

}  // namespace

json rt_simulate_call(lua_State* L, const rt_env& env) {
  luaL_checktype(L, 1, LUA_TTABLE);
  auto script = script_of(runtime::lua::to_json(L, 1));
  if (!env.api_url) fail(make_error(errc::unavailable, "rt.simulate_call: no API listener here"));
  auto url = env.api_url();
  if (!url) fail(url.error());
  script.base_url = *url;
  script.api_key = key_of(env, script.to);
  auto answers = net::retell::simulate_call(script);
  if (!answers) fail(answers.error());
  json out = json::array();
  for (const auto& a : *answers) out.push_back(json::parse(a, nullptr, false));
  return out;
}

}  // namespace askpro::app::detail
