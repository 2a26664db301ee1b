#include "actors/api/api_appointments.hpp"

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

appointment_view view_of(const tenant_catalog& c, persistence::appointment_record rec) {
  appointment_view v;
  const auto* branch = find_id(c.branches, rec.branch_id);
  v.branch = branch ? branch->slug : std::string{};
  v.time_zone = branch && !branch->time_zone.empty() ? branch->time_zone : c.company.time_zone;
  v.service = slug_of(c.services, rec.service_id);
  v.staff = slug_of(c.staff, rec.staff_id);
  v.record = std::move(rec);
  return v;
}

caf::actor db_of(const api_deps& deps) {
  return deps.registry->actor_at("/db");
}

}  // namespace

Result<appointment_page> list_appointments(const api_deps& deps, const principal& who,
                                           persistence::appointment_filter filter) {
  auto scope = who.scope;
  filter.allowed_branches = who.branch_ids;
  return persistence::run_blocking<appointment_page>(
      *deps.sys, db_of(deps), persistence::access::read, deps.timeout,
      [scope, filter](connection& c) mutable -> Result<appointment_page> {
        int wanted = filter.limit;
        filter.limit = wanted + 1;
        auto rows = persistence::list_appointments(c, scope, filter);
        if (!rows) return std::move(rows.error());
        auto catalog = persistence::load_catalog(c, scope);
        if (!catalog) return std::move(catalog.error());
        appointment_page page;
        page.more = static_cast<int>(rows->size()) > wanted;
        if (page.more) rows->resize(static_cast<std::size_t>(wanted));
        for (auto& r : *rows) page.items.push_back(view_of(*catalog, std::move(r)));
        return page;
      });
}

Result<std::optional<appointment_view>> find_appointment(const api_deps& deps, const principal& who,
                                                         int64_t id) {
  using out_t = std::optional<appointment_view>;
  auto scope = who.scope;
  auto visible = who;
  return persistence::run_blocking<out_t>(*deps.sys, db_of(deps), persistence::access::read,
                                          deps.timeout,
                                          [scope, visible, id](connection& c) -> Result<out_t> {
                                            auto row = persistence::find_appointment(c, scope, id);
                                            if (!row) return std::move(row.error());
                                            if (!*row || !visible.sees_branch((*row)->branch_id))
                                              return out_t{};
                                            auto catalog = persistence::load_catalog(c, scope);
                                            if (!catalog) return std::move(catalog.error());
                                            return out_t{view_of(*catalog, std::move(**row))};
                                          });
}

}  // namespace askpro::actors::api
