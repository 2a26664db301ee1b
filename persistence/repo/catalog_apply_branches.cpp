// apply_tenant, branches: branch rows, weekly hours, closed dates, special hours, phone numbers.
// Detail tables of one branch are replaced wholesale, but only when they differ.
#include "persistence/repo/catalog_internal.hpp"

#include <set>
#include <tuple>

namespace askpro::persistence::detail {
namespace {

using day_row = std::tuple<std::string, int, int>;  // day, start_min, end_min (0, 0 = closed)

std::vector<std::tuple<int, int, int>> week_rows(const std::vector<weekly_interval>& week) {
  std::vector<std::tuple<int, int, int>> out;
  for (const auto& iv : week) out.emplace_back(iv.weekday, iv.start_min, iv.end_min);
  return sorted(std::move(out));
}

std::vector<day_row> special_rows(const std::vector<special_day>& days) {
  std::vector<day_row> out;
  for (const auto& d : days) {
    if (d.intervals.empty()) out.emplace_back(d.day, 0, 0);
    for (const auto& [start, end] : d.intervals) out.emplace_back(d.day, start, end);
  }
  return sorted(std::move(out));
}

const branch_record* find_slug(const std::vector<branch_record>& v, const std::string& slug) {
  for (const auto& b : v)
    if (b.slug == slug) return &b;
  return nullptr;
}

Result<void> sync_closed(apply_context& ctx, int64_t branch_id, const branch_record& want,
                         const branch_record* have) {
  auto rows = sorted(want.closed);
  if (have && rows == sorted(have->closed)) return {};
  const std::vector<value> owner{ctx.scope.company_id(), branch_id};
  if (have) {
    auto ok =
        ctx.write("DELETE FROM branch_closed_dates WHERE company_id = ? AND branch_id = ?", owner);
    if (!ok) return ok;
  }
  for (const auto& day : rows) {
    auto ok =
        ctx.write("INSERT INTO branch_closed_dates (company_id, branch_id, day) VALUES (?, ?, ?)",
                  {ctx.scope.company_id(), branch_id, day});
    if (!ok) return ok;
  }
  return {};
}

Result<void> sync_special(apply_context& ctx, int64_t branch_id, const branch_record& want,
                          const branch_record* have) {
  auto rows = special_rows(want.special);
  if (have && rows == special_rows(have->special)) return {};
  if (have) {
    auto ok = ctx.write("DELETE FROM branch_special_hours WHERE company_id = ? AND branch_id = ?",
                        {ctx.scope.company_id(), branch_id});
    if (!ok) return ok;
  }
  for (const auto& [day, start, end] : rows) {
    auto ok = ctx.write(
        "INSERT INTO branch_special_hours (company_id, branch_id, day, start_min, end_min) "
        "VALUES (?, ?, ?, ?, ?)",
        {ctx.scope.company_id(), branch_id, day, start, end});
    if (!ok) return ok;
  }
  return {};
}

/// Inserts or updates the branch row itself; yields its id.
Result<int64_t> upsert_branch(apply_context& ctx, const branch_record& want,
                              const branch_record* have) {
  if (!have) {
    return ctx.insert(
        "INSERT INTO branches (company_id, slug, name, time_zone, calendar_provider, "
        "calendar_config, notify, active) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
        {ctx.scope.company_id(), want.slug, want.name, want.time_zone, want.calendar_provider,
         want.calendar_config, want.notify});
  }
  if (std::tie(want.name, want.time_zone, want.calendar_provider, want.calendar_config,
               want.notify) == std::tie(have->name, have->time_zone, have->calendar_provider,
                                        have->calendar_config, have->notify) &&
      have->active)
    return have->id;
  auto ok = ctx.write(
      "UPDATE branches SET name = ?, time_zone = ?, calendar_provider = ?, calendar_config = ?, "
      "notify = ?, active = 1 WHERE company_id = ? AND id = ?",
      {want.name, want.time_zone, want.calendar_provider, want.calendar_config, want.notify,
       ctx.scope.company_id(), have->id});
  if (!ok) return std::move(ok.error());
  return have->id;
}

}  // namespace

Result<void> sync_week(apply_context& ctx, std::string_view table, std::string_view owner_column,
                       int64_t owner_id, std::vector<weekly_interval> want,
                       const std::vector<weekly_interval>& have) {
  auto rows = week_rows(want);
  if (rows == week_rows(have)) return {};
  const std::string t{table}, owner{owner_column};
  auto ok = ctx.write("DELETE FROM " + t + " WHERE company_id = ? AND " + owner + " = ?",
                      {ctx.scope.company_id(), owner_id});
  if (!ok) return ok;
  for (const auto& [weekday, start, end] : rows) {
    ok = ctx.write("INSERT INTO " + t + " (company_id, " + owner +
                       ", weekday, start_min, end_min) VALUES (?, ?, ?, ?, ?)",
                   {ctx.scope.company_id(), owner_id, weekday, start, end});
    if (!ok) return ok;
  }
  return {};
}

Result<void> sync_branches(apply_context& ctx, const tenant_catalog& catalog,
                           const std::vector<branch_record>& existing) {
  for (const auto& b : existing) ctx.branch_ids[b.slug] = b.id;
  for (const auto& want : catalog.branches) {
    const branch_record* have = find_slug(existing, want.slug);
    auto id = upsert_branch(ctx, want, have);
    if (!id) return std::move(id.error());
    ctx.branch_ids[want.slug] = *id;
    static const std::vector<weekly_interval> none;
    auto ok =
        sync_week(ctx, "branch_hours", "branch_id", *id, want.hours, have ? have->hours : none);
    if (!ok) return ok;
    if (ok = sync_closed(ctx, *id, want, have); !ok) return ok;
    if (ok = sync_special(ctx, *id, want, have); !ok) return ok;
  }
  return {};
}

Result<void> sync_phones(apply_context& ctx, const tenant_catalog& catalog,
                         const std::vector<branch_record>& existing) {
  std::map<std::string, int64_t> want;  // e164 → branch id
  for (const auto& b : catalog.branches)
    for (const auto& number : b.phone_numbers) want[number] = ctx.branch_ids.at(b.slug);
  std::set<std::string> kept;
  for (const auto& b : existing) {
    for (const auto& number : b.phone_numbers) {
      auto it = want.find(number);
      if (it != want.end() && it->second == b.id) {
        kept.insert(number);
        continue;
      }
      auto ok = ctx.write("DELETE FROM phone_numbers WHERE company_id = ? AND e164 = ?",
                          {ctx.scope.company_id(), number});
      if (!ok) return ok;
    }
  }
  for (const auto& b : catalog.branches) {  // in file order
    for (const auto& number : b.phone_numbers) {
      if (!kept.insert(number).second) continue;
      auto ok =
          ctx.write("INSERT INTO phone_numbers (company_id, branch_id, e164) VALUES (?, ?, ?)",
                    {ctx.scope.company_id(), want.at(number), number});
      if (!ok) return ok;
    }
  }
  return {};
}

}  // namespace askpro::persistence::detail
