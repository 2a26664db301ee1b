#include "actors/api/api_catalog.hpp"

#include "persistence/db_client.hpp"
#include "persistence/repo/catalog_repo.hpp"

#include <algorithm>

namespace askpro::actors::api {

persistence::tenant_catalog visible_part(persistence::tenant_catalog catalog,
                                         const principal& who) {
  catalog.company.retell_api_key.clear();
  auto& b = catalog.branches;
  b.erase(std::remove_if(b.begin(), b.end(),
                         [&](const auto& r) { return !r.active || !who.sees_branch(r.id); }),
          b.end());
  for (auto& r : b) r.calendar_config = "{}";
  auto& s = catalog.services;
  s.erase(std::remove_if(s.begin(), s.end(), [](const auto& r) { return !r.active; }), s.end());
  auto& st = catalog.staff;
  st.erase(std::remove_if(st.begin(), st.end(),
                          [&](const auto& r) { return !r.active || !find_id(b, r.branch_id); }),
           st.end());
  return catalog;
}

Result<persistence::tenant_catalog> visible_catalog(const api_deps& deps, const principal& who) {
  auto scope = who.scope;
  auto loaded = persistence::run_blocking<persistence::tenant_catalog>(
      *deps.sys, deps.registry->actor_at("/db"), persistence::access::read, deps.timeout,
      [scope](persistence::connection& c) { return persistence::load_catalog(c, scope); });
  if (!loaded) return std::move(loaded.error());
  return visible_part(std::move(*loaded), who);
}

}  // namespace askpro::actors::api
