// rt.tenant(slug): a tenant object whose methods read through the tenant API's own logic
// (actors/api, as an admin token of every branch would): :services(), :staff(),
// :appointments{from=, to=, status=} (dates in the tenant's zone; the REST API's JSON).
#include "actors/api/api_appointments.hpp"
#include "actors/api/api_catalog.hpp"
#include "net/api/appointment_json.hpp"
#include "persistence/db_client.hpp"
#include "persistence/repo/catalog_repo.hpp"
#include "runtime/app/shell/rt_internal.hpp"
#include "runtime/lua/lua_json.hpp"

#include <date/tz.h>
#include <lua.hpp>

#include <sstream>

namespace askpro::app::detail {
namespace {

using json = nlohmann::json;

}  // namespace

actors::api::api_deps api_of(const rt_env& env) {
  actors::api::api_deps d;
  d.sys = env.sys;
  d.registry = env.registry;
  d.clock = env.clock;
  d.timeout = env.timeout;
  return d;
}

namespace {

/// The tenant as an admin principal of every branch, with its zone.
std::pair<actors::api::principal, std::string> tenant_of(const rt_env& env,
                                                         const std::string& slug) {
  auto company = persistence::run_blocking<std::optional<persistence::company_record>>(
      *env.sys, env.registry->actor_at("/db"), persistence::access::read, env.timeout,
      [slug](persistence::connection& c) { return persistence::find_company(c, slug); });
  if (!company) fail(company.error());
  if (!*company) fail(make_error(errc::not_found, "no tenant '" + slug + "'"));
  actors::api::principal who;
  who.scope = persistence::tenant_scope{(*company)->id};
  who.tenant_slug = slug;
  who.admin = true;
  return {who, (*company)->time_zone};
}

}  // namespace

actors::api::principal principal_of(const rt_env& env, const std::string& slug) {
  return tenant_of(env, slug).first;
}

std::string self_slug(lua_State* L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_getfield(L, 1, "slug");
  std::string slug = luaL_checkstring(L, -1);
  lua_pop(L, 1);
  return slug;
}

namespace {

/// Midnight of "YYYY-MM-DD" in `zone`, as Unix ms.
int64_t day_start_ms(const std::string& day, const std::string& zone) {
  std::istringstream in(day);
  date::local_days d;
  in >> date::parse("%F", d);
  if (in.fail()) fail(make_error(errc::invalid_argument, "'" + day + "' is no YYYY-MM-DD date"));
  auto at = date::make_zoned(date::locate_zone(zone), d, date::choose::earliest);
  return std::chrono::duration_cast<std::chrono::milliseconds>(at.get_sys_time().time_since_epoch())
      .count();
}

}  // namespace

json rt_tenant(lua_State* L, const rt_env& env) {
  const std::string slug = luaL_checkstring(L, 1);
  auto [who, zone] = tenant_of(env, slug);
  return {{"slug", slug}, {"time_zone", zone}};
}

/// The catalog of the tenant a method was called on.
persistence::tenant_catalog catalog_of(lua_State* L, const rt_env& env) {
  auto catalog = actors::api::visible_catalog(api_of(env), principal_of(env, self_slug(L)));
  if (!catalog) fail(catalog.error());
  return std::move(*catalog);
}

json rt_tenant_services(lua_State* L, const rt_env& env) {
  const auto catalog = catalog_of(L, env);
  json out = json::array();
  for (const auto& s : catalog.services)
    if (s.active)
      out.push_back({{"id", s.id},
                     {"slug", s.slug},
                     {"name", s.name},
                     {"duration_min", s.duration_min},
                     {"price_cents", s.price_cents}});
  return out;
}

json rt_tenant_staff(lua_State* L, const rt_env& env) {
  const auto catalog = catalog_of(L, env);
  json out = json::array();
  for (const auto& s : catalog.staff)
    out.push_back({{"id", s.id},
                   {"slug", s.slug},
                   {"name", s.name},
                   {"branch", s.branch_slug},
                   {"services", s.service_slugs}});
  return out;
}

json rt_tenant_appointments(lua_State* L, const rt_env& env) {
  const auto slug = self_slug(L);
  auto query = lua_istable(L, 2) ? runtime::lua::to_json(L, 2) : json::object();
  auto [who, zone] = tenant_of(env, slug);
  persistence::appointment_filter filter;
  filter.limit = 200;
  if (query.contains("from")) filter.from_ms = day_start_ms(query.value("from", ""), zone);
  if (query.contains("to")) filter.to_ms = day_start_ms(query.value("to", ""), zone);
  if (query.contains("status")) filter.status = query.value("status", "");
  auto page = actors::api::list_appointments(api_of(env), who, filter);
  if (!page) fail(page.error());
  json out = json::array();
  for (const auto& v : page->items) out.push_back(net::api::appointment_json(v));
  return out;
}

}  // namespace askpro::app::detail
