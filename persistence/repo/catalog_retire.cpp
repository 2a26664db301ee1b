// apply_tenant, removals: rows the catalog no longer lists are deleted, or deactivated while
// appointments, reservations (or, for branches, remaining staff and token limits) refer to them.
#include "persistence/repo/catalog_internal.hpp"

#include <set>

namespace askpro::persistence::detail {
namespace {

struct retire_target {
  std::string_view table;
  /// SELECT of the number of references; binds: company id, row id (once per `?` pair).
  std::string_view references_sql;
  int pairs;  ///< how many (company id, row id) pairs the SQL binds
};

const retire_target staff_target{
    "staff",
    "SELECT (SELECT COUNT(*) FROM appointments WHERE company_id = ? AND staff_id = ?) + "
    "(SELECT COUNT(*) FROM reservations WHERE company_id = ? AND staff_id = ?)",
    2};

const retire_target service_target{
    "services",
    "SELECT (SELECT COUNT(*) FROM appointments WHERE company_id = ? AND service_id = ?) + "
    "(SELECT COUNT(*) FROM reservations WHERE company_id = ? AND service_id = ?)",
    2};

const retire_target branch_target{
    "branches",
    "SELECT (SELECT COUNT(*) FROM appointments WHERE company_id = ? AND branch_id = ?) + "
    "(SELECT COUNT(*) FROM reservations WHERE company_id = ? AND branch_id = ?) + "
    "(SELECT COUNT(*) FROM staff WHERE company_id = ? AND branch_id = ?) + "
    "(SELECT COUNT(*) FROM api_token_branches WHERE company_id = ? AND branch_id = ?)",
    4};

/// Deletes the row, or sets active = 0 when something still refers to it.
Result<void> retire(apply_context& ctx, const retire_target& target, int64_t id, bool active) {
  std::vector<value> binds;
  for (int i = 0; i < target.pairs; ++i) {
    binds.emplace_back(ctx.scope.company_id());
    binds.emplace_back(id);
  }
  auto refs = query_int(ctx.conn, target.references_sql, binds);
  if (!refs) return std::move(refs.error());
  const std::string table{target.table};
  if (*refs > 0) {
    if (!active) return {};
    return ctx.write("UPDATE " + table + " SET active = 0 WHERE company_id = ? AND id = ?",
                     {ctx.scope.company_id(), id});
  }
  return ctx.write("DELETE FROM " + table + " WHERE company_id = ? AND id = ?",
                   {ctx.scope.company_id(), id});
}

template <class Record>
std::set<std::string> slugs_of(const std::vector<Record>& records) {
  std::set<std::string> out;
  for (const auto& r : records) out.insert(r.slug);
  return out;
}

template <class Record>
Result<void> retire_all(apply_context& ctx, const retire_target& target,
                        const std::vector<Record>& existing, const std::set<std::string>& listed) {
  for (const auto& r : existing) {
    if (listed.count(r.slug)) continue;
    if (auto ok = retire(ctx, target, r.id, r.active); !ok) return ok;
  }
  return {};
}

}  // namespace

Result<void> retire_unlisted(apply_context& ctx, const tenant_catalog& catalog,
                             const std::vector<branch_record>& branches,
                             const std::vector<service_record>& services,
                             const std::vector<staff_record>& staff) {
  if (auto ok = retire_all(ctx, staff_target, staff, slugs_of(catalog.staff)); !ok) return ok;
  if (auto ok = retire_all(ctx, service_target, services, slugs_of(catalog.services)); !ok)
    return ok;
  return retire_all(ctx, branch_target, branches, slugs_of(catalog.branches));
}

}  // namespace askpro::persistence::detail
