// apply_tenant, services and staff: rows, synonyms, who performs what, staff's own hours.
#include "persistence/repo/catalog_internal.hpp"

#include <tuple>

namespace askpro::persistence::detail {
namespace {

template <class Record>
const Record* find_slug(const std::vector<Record>& v, const std::string& slug) {
  for (const auto& r : v)
    if (r.slug == slug) return &r;
  return nullptr;
}

/// The id of `kind` `slug` in `ids`, or errc::invalid_argument naming the staff member.
Result<int64_t> id_of(const std::map<std::string, int64_t>& ids, const std::string& slug,
                      const char* kind, const std::string& staff_slug) {
  auto it = ids.find(slug);
  if (it == ids.end())
    return make_error(errc::invalid_argument,
                      "staff '" + staff_slug + "' refers to unknown " + kind + " '" + slug + "'");
  return it->second;
}

auto service_fields(const service_record& s) {
  return std::tie(s.name, s.duration_min, s.buffer_before_min, s.buffer_after_min, s.price_cents,
                  s.calcom_event_type_id);
}

Result<int64_t> upsert_service(apply_context& ctx, const service_record& want,
                               const service_record* have) {
  std::vector<value> binds{
      want.name,        want.duration_min,        want.buffer_before_min, want.buffer_after_min,
      want.price_cents, want.calcom_event_type_id};
  if (!have) {
    binds.insert(binds.begin(), {ctx.scope.company_id(), want.slug});
    return ctx.insert(
        "INSERT INTO services (company_id, slug, name, duration_min, buffer_before_min, "
        "buffer_after_min, price_cents, calcom_event_type_id, active) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)",
        binds);
  }
  if (service_fields(want) == service_fields(*have) && have->active) return have->id;
  binds.push_back(ctx.scope.company_id());
  binds.push_back(have->id);
  auto ok = ctx.write(
      "UPDATE services SET name = ?, duration_min = ?, buffer_before_min = ?, "
      "buffer_after_min = ?, price_cents = ?, calcom_event_type_id = ?, active = 1 "
      "WHERE company_id = ? AND id = ?",
      binds);
  if (!ok) return std::move(ok.error());
  return have->id;
}

Result<void> sync_synonyms(apply_context& ctx, int64_t service_id, const service_record& want,
                           const service_record* have) {
  if (have && want.synonyms == have->synonyms) return {};
  if (have) {
    auto ok = ctx.write("DELETE FROM service_synonyms WHERE company_id = ? AND service_id = ?",
                        {ctx.scope.company_id(), service_id});
    if (!ok) return ok;
  }
  for (std::size_t i = 0; i < want.synonyms.size(); ++i) {
    auto ok = ctx.write(
        "INSERT INTO service_synonyms (company_id, service_id, position, synonym) "
        "VALUES (?, ?, ?, ?)",
        {ctx.scope.company_id(), service_id, static_cast<int64_t>(i), want.synonyms[i]});
    if (!ok) return ok;
  }
  return {};
}

Result<int64_t> upsert_staff(apply_context& ctx, const staff_record& want, int64_t branch_id,
                             const staff_record* have) {
  std::vector<value> binds{want.name, branch_id, want.calcom_user, want.own_hours};
  if (!have) {
    binds.insert(binds.begin(), {ctx.scope.company_id(), want.slug});
    return ctx.insert(
        "INSERT INTO staff (company_id, slug, name, branch_id, calcom_user, own_hours, active) "
        "VALUES (?, ?, ?, ?, ?, ?, 1)",
        binds);
  }
  if (std::tie(want.name, want.calcom_user, want.own_hours) ==
          std::tie(have->name, have->calcom_user, have->own_hours) &&
      branch_id == have->branch_id && have->active)
    return have->id;
  binds.push_back(ctx.scope.company_id());
  binds.push_back(have->id);
  auto ok = ctx.write(
      "UPDATE staff SET name = ?, branch_id = ?, calcom_user = ?, own_hours = ?, active = 1 "
      "WHERE company_id = ? AND id = ?",
      binds);
  if (!ok) return std::move(ok.error());
  return have->id;
}

Result<void> sync_staff_services(apply_context& ctx, int64_t staff_id, const staff_record& want,
                                 const staff_record* have) {
  std::vector<int64_t> ids;
  for (const auto& slug : want.service_slugs) {
    auto id = id_of(ctx.service_ids, slug, "service", want.slug);
    if (!id) return std::move(id.error());
    ids.push_back(*id);
  }
  std::vector<int64_t> had;
  if (have)
    for (const auto& slug : have->service_slugs) had.push_back(ctx.service_ids.at(slug));
  ids = sorted(std::move(ids));
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  if (have && ids == sorted(std::move(had))) return {};
  if (have) {
    auto ok = ctx.write("DELETE FROM staff_services WHERE company_id = ? AND staff_id = ?",
                        {ctx.scope.company_id(), staff_id});
    if (!ok) return ok;
  }
  for (auto service_id : ids) {
    auto ok =
        ctx.write("INSERT INTO staff_services (company_id, staff_id, service_id) VALUES (?, ?, ?)",
                  {ctx.scope.company_id(), staff_id, service_id});
    if (!ok) return ok;
  }
  return {};
}

}  // namespace

Result<void> sync_services(apply_context& ctx, const tenant_catalog& catalog,
                           const std::vector<service_record>& existing) {
  for (const auto& s : existing) ctx.service_ids[s.slug] = s.id;
  for (const auto& want : catalog.services) {
    const service_record* have = find_slug(existing, want.slug);
    auto id = upsert_service(ctx, want, have);
    if (!id) return std::move(id.error());
    ctx.service_ids[want.slug] = *id;
    if (auto ok = sync_synonyms(ctx, *id, want, have); !ok) return ok;
  }
  return {};
}

Result<void> sync_staff(apply_context& ctx, const tenant_catalog& catalog,
                        const std::vector<staff_record>& existing) {
  static const std::vector<weekly_interval> none;
  for (const auto& want : catalog.staff) {
    const staff_record* have = find_slug(existing, want.slug);
    auto branch_id = id_of(ctx.branch_ids, want.branch_slug, "branch", want.slug);
    if (!branch_id) return std::move(branch_id.error());
    auto id = upsert_staff(ctx, want, *branch_id, have);
    if (!id) return std::move(id.error());
    if (auto ok = sync_staff_services(ctx, *id, want, have); !ok) return ok;
    auto ok = sync_week(ctx, "staff_hours", "staff_id", *id, want.own_hours ? want.hours : none,
                        have ? have->hours : none);
    if (!ok) return ok;
  }
  return {};
}

}  // namespace askpro::persistence::detail
