// The calendar methods of rt.tenant(slug): :availability{…}, :book{…}, :cancel(id) — the tenant
// API's own reading of the arguments (net/api) and decisions (actors/api), as an admin token of
// every branch; invalid fields come back as one Lua error naming each.
#include "actors/api/api_appointments.hpp"
#include "actors/api/api_booking.hpp"
#include "net/api/appointment_input.hpp"
#include "net/api/appointment_json.hpp"
#include "net/api/availability_input.hpp"
#include "runtime/app/shell/rt_internal.hpp"
#include "runtime/lua/lua_json.hpp"

#include <lua.hpp>

namespace askpro::app::detail {
namespace {

using json = nlohmann::json;

[[noreturn]] void invalid(const std::vector<net::http::field_error>& errors) {
  std::string text = "invalid_argument:";
  for (const auto& e : errors) text += " " + e.field + ": " + e.message + ";";
  text.pop_back();
  throw rt_failure{text};
}

actors::tenant::tenant_handle opened(const rt_env& env, const actors::api::principal& who) {
  auto tenant = actors::api::open_tenant(api_of(env), who);
  if (!tenant) fail(tenant.error());
  return *tenant;
}

std::string text_of(const json& v) {
  return v.is_string() ? v.get<std::string>() : v.dump();
}

}  // namespace

json rt_tenant_availability(lua_State* L, const rt_env& env) {
  const auto who = principal_of(env, self_slug(L));
  const auto query = lua_istable(L, 2) ? runtime::lua::to_json(L, 2) : json::object();
  const auto tenant = opened(env, who);
  std::vector<net::http::field_error> errors;
  const actors::tenant::branch_model* branch = nullptr;
  auto param = [&query](const char* name) -> std::optional<std::string> {
    if (!query.contains(name) || query[name].is_null()) return std::nullopt;
    return text_of(query[name]);
  };
  auto q = net::api::read_availability(param, *tenant.model, who, branch, errors);
  if (!q) invalid(errors);
  auto reply = actors::api::availability(api_of(env), tenant, std::move(*q));
  if (!reply) fail(reply.error());
  return net::api::slots_json(reply->slots, actors::api::zone_of(*tenant.model, *branch));
}

json rt_tenant_book(lua_State* L, const rt_env& env) {
  const auto who = principal_of(env, self_slug(L));
  luaL_checktype(L, 2, LUA_TTABLE);
  const auto body = runtime::lua::to_json(L, 2);
  const auto tenant = opened(env, who);
  std::vector<net::http::field_error> errors;
  auto in = net::api::read_booking(body, *tenant.model, who, errors);
  if (!in) invalid(errors);
  auto reply = actors::api::book(api_of(env), tenant, in->request);
  if (!reply) fail(reply.error());
  if (!reply->booked || !reply->appointment)
    fail(make_error(errc::slot_taken, "the slot is taken; ask :availability for free ones"));
  const auto zone = actors::api::zone_of(*tenant.model, *in->branch);
  return net::api::appointment_json(net::api::view_of(*reply->appointment, zone));
}

json rt_tenant_cancel(lua_State* L, const rt_env& env) {
  const auto who = principal_of(env, self_slug(L));
  const auto id = static_cast<int64_t>(luaL_checkinteger(L, 2));
  auto found = actors::api::find_appointment(api_of(env), who, id);
  if (!found) fail(found.error());
  if (!*found) fail(make_error(errc::not_found, "no appointment " + std::to_string(id)));
  const auto tenant = opened(env, who);
  auto done = actors::api::cancel(api_of(env), tenant, {(*found)->branch, id});
  if (!done) fail(done.error());
  return net::api::appointment_json(net::api::view_of(*done, (*found)->time_zone));
}

}  // namespace askpro::app::detail
