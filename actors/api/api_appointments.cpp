#include "actors/api/api_appointments.hpp"

#include "actors/api/api_booking.hpp"
#include "actors/api/api_catalog.hpp"
#include "persistence/db_client.hpp"
#include "persistence/repo/catalog_repo.hpp"

namespace askpro::actors::api {
namespace {

using persistence::connection;
using persistence::tenant_catalog;

template <class Record>
std::string slug_of(const std::vector<Record>& rows, int64_t id) {
  const auto* r = find_id(rows, id);
  return r ? r->slug : std::string{};
}

void name_from_catalog(const tenant_catalog& c, appointment_view& v) {
  const auto& rec = v.record;
  const auto* branch = find_id(c.branches, rec.branch_id);
  v.branch = branch ? branch->slug : std::string{};
  v.time_zone = branch && !branch->time_zone.empty() ? branch->time_zone : c.company.time_zone;
  v.service = slug_of(c.services, rec.service_id);
  v.staff = slug_of(c.staff, rec.staff_id);
}

/// Names `v` from the loaded tenant's model; false when a row is not in it (inactive).
bool name_from_model(const tenant::tenant_model& m, appointment_view& v) {
  const auto& rec = v.record;
  const auto* branch = m.branch(rec.branch_id);
  auto service = m.service_slugs.find(rec.service_id);
  if (!branch || service == m.service_slugs.end()) return false;
  auto staff = branch->staff_slugs.find(rec.staff_id);
  if (staff == branch->staff_slugs.end()) return false;
  v.branch = branch->slug;
  v.time_zone = zone_of(m, *branch);
  v.service = service->second;
  v.staff = staff->second;
  return true;
}

caf::actor db_of(const api_deps& deps) {
  return deps.registry->actor_at("/db");
}

/// Fills the slugs and zones of `views`: from the tenant's model in memory (the usual case),
/// else (a deactivated row, or the tenant cannot be loaded) from the catalog in the database.
Result<void> name_views(const api_deps& deps, const principal& who,
                        std::vector<appointment_view>& views) {
  if (views.empty()) return caf::unit;
  if (auto tenant = open_tenant(deps, who)) {
    bool all = true;
    for (auto& v : views) all = name_from_model(*tenant->model, v) && all;
    if (all) return caf::unit;
  }
  auto scope = who.scope;
  auto catalog = persistence::run_blocking<tenant_catalog>(
      *deps.sys, db_of(deps), persistence::access::read, deps.timeout,
      [scope](connection& c) { return persistence::load_catalog(c, scope); });
  if (!catalog) return std::move(catalog.error());
  for (auto& v : views) name_from_catalog(*catalog, v);
  return caf::unit;
}

}  // namespace

Result<appointment_page> list_appointments(const api_deps& deps, const principal& who,
                                           persistence::appointment_filter filter) {
  auto scope = who.scope;
  filter.allowed_branches = who.branch_ids;
  auto page = persistence::run_blocking<appointment_page>(
      *deps.sys, db_of(deps), persistence::access::read, deps.timeout,
      [scope, filter](connection& c) mutable -> Result<appointment_page> {
        int wanted = filter.limit;
        filter.limit = wanted + 1;
        auto rows = persistence::list_appointments(c, scope, filter);
        if (!rows) return std::move(rows.error());
        appointment_page page;
        page.more = static_cast<int>(rows->size()) > wanted;
        if (page.more) rows->resize(static_cast<std::size_t>(wanted));
        for (auto& r : *rows) page.items.push_back(appointment_view{std::move(r), {}, {}, {}, {}});
        return page;
      });
  if (!page) return page;
  if (auto named = name_views(deps, who, page->items); !named) return std::move(named.error());
  return page;
}

Result<std::optional<appointment_view>> find_appointment(const api_deps& deps, const principal& who,
                                                         int64_t id) {
  using out_t = std::optional<appointment_view>;
  auto scope = who.scope;
  auto visible = who;
  auto found = persistence::run_blocking<out_t>(
      *deps.sys, db_of(deps), persistence::access::read, deps.timeout,
      [scope, visible, id](connection& c) -> Result<out_t> {
        auto row = persistence::find_appointment(c, scope, id);
        if (!row) return std::move(row.error());
        if (!*row || !visible.sees_branch((*row)->branch_id)) return out_t{};
        return out_t{appointment_view{std::move(**row), {}, {}, {}, {}}};
      });
  if (!found || !*found) return found;
  std::vector<appointment_view> one{std::move(**found)};
  if (auto named = name_views(deps, who, one); !named) return std::move(named.error());
  return out_t{std::move(one.front())};
}

}  // namespace askpro::actors::api
