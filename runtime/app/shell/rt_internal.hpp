#pragma once
/// Shared by the `rt` binding files only.

#include "actors/api/api_service.hpp"
#include "persistence/repo/catalog_records.hpp"
#include "runtime/app/shell/rt_module.hpp"
#include "runtime/error.hpp"

#include <caf/allowed_unsafe_message_type.hpp>

#include <nlohmann/json.hpp>

#include <string>

struct lua_State;

namespace askpro::app::detail {

/// A binding's failure, raised into Lua as "<code>: <message>" once the C++ frames are gone.
struct rt_failure {
  std::string text;
};

[[noreturn]] inline void fail(const caf::error& err) {
  throw rt_failure{describe(err)};
}

nlohmann::json rt_request(lua_State* L, const rt_env& env);
nlohmann::json rt_help(lua_State* L, const rt_env& env);
nlohmann::json rt_simulate_call(lua_State* L, const rt_env& env);
nlohmann::json rt_tenant(lua_State* L, const rt_env& env);
nlohmann::json rt_tenant_services(lua_State* L, const rt_env& env);
nlohmann::json rt_tenant_staff(lua_State* L, const rt_env& env);
nlohmann::json rt_tenant_appointments(lua_State* L, const rt_env& env);
nlohmann::json rt_tenant_availability(lua_State* L, const rt_env& env);
nlohmann::json rt_tenant_book(lua_State* L, const rt_env& env);
nlohmann::json rt_tenant_cancel(lua_State* L, const rt_env& env);

/// The tenant API's dependencies on the shell's runtime.
actors::api::api_deps api_of(const rt_env& env);
/// The tenant `slug` as an admin principal of every branch (not_found when there is none).
actors::api::principal principal_of(const rt_env& env, const std::string& slug);
/// The slug of the tenant object a method was called on (argument 1).
std::string self_slug(lua_State* L);

}  // namespace askpro::app::detail

// Company rows travel from the database worker to the bindings in local messages.
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::vector<askpro::persistence::company_record>)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::optional<askpro::persistence::company_record>)
