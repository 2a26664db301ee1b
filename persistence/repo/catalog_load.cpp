// Loading one tenant's catalog: every query is scoped by company_id; detail rows are read with
// one query per table and attached to their owner by id.
#include "persistence/repo/catalog_internal.hpp"
#include "persistence/repo/catalog_repo.hpp"

#include <unordered_map>

namespace askpro::persistence {
namespace detail {
namespace {

/// Runs `sql` (one `?` = company id) and calls `fn(reader, owner_index)` for each row whose
/// `owner_column` is a known id in `index`.
template <class F>
Result<void> for_each_detail(connection& conn, tenant_scope scope, std::string_view sql,
                             const std::unordered_map<int64_t, std::size_t>& index,
                             std::string_view owner_column, F&& fn) {
  auto rows = conn.query(sql, {scope.company_id()});
  if (!rows) return std::move(rows.error());
  for (const auto& r : *rows) {
    field_reader f{r};
    auto owner = index.find(f.get<int64_t>(owner_column));
    if (owner != index.end()) fn(f, owner->second);
    if (auto ok = f.status(); !ok) return ok;
  }
  return {};
}

template <class Record>
std::unordered_map<int64_t, std::size_t> index_by_id(const std::vector<Record>& records) {
  std::unordered_map<int64_t, std::size_t> out;
  for (std::size_t i = 0; i < records.size(); ++i) out.emplace(records[i].id, i);
  return out;
}

Result<std::vector<branch_record>> select_branch_rows(connection& conn, tenant_scope scope) {
  auto rows = conn.query(
      "SELECT id, slug, name, time_zone, calendar_provider, calendar_config, notify, active "
      "FROM branches WHERE company_id = ? ORDER BY id",
      {scope.company_id()});
  if (!rows) return std::move(rows.error());
  std::vector<branch_record> out;
  for (const auto& r : *rows) {
    field_reader f{r};
    branch_record b;
    b.id = f.get<int64_t>("id");
    b.slug = f.get<std::string>("slug");
    b.name = f.get<std::string>("name");
    b.time_zone = f.get<std::string>("time_zone");
    b.calendar_provider = f.get<std::string>("calendar_provider");
    b.calendar_config = f.get<std::string>("calendar_config");
    b.notify = f.get<std::string>("notify");
    b.active = f.get<bool>("active");
    if (auto ok = f.status(); !ok) return std::move(ok.error());
    out.push_back(std::move(b));
  }
  return out;
}

Result<void> attach_branch_hours(connection& conn, tenant_scope scope,
                                 std::vector<branch_record>& branches) {
  auto index = index_by_id(branches);
  auto ok = for_each_detail(
      conn, scope,
      "SELECT branch_id, weekday, start_min, end_min FROM branch_hours WHERE company_id = ? "
      "ORDER BY branch_id, weekday, start_min",
      index, "branch_id", [&](field_reader& f, std::size_t i) {
        branches[i].hours.push_back(
            {f.get<int>("weekday"), f.get<int>("start_min"), f.get<int>("end_min")});
      });
  if (!ok) return ok;
  return for_each_detail(conn, scope,
                         "SELECT branch_id, day FROM branch_closed_dates WHERE company_id = ? "
                         "ORDER BY branch_id, day",
                         index, "branch_id", [&](field_reader& f, std::size_t i) {
                           branches[i].closed.push_back(f.get<std::string>("day"));
                         });
}

Result<void> attach_branch_days(connection& conn, tenant_scope scope,
                                std::vector<branch_record>& branches) {
  auto index = index_by_id(branches);
  auto ok = for_each_detail(
      conn, scope,
      "SELECT branch_id, day, start_min, end_min FROM branch_special_hours WHERE company_id = ? "
      "ORDER BY branch_id, day, start_min",
      index, "branch_id", [&](field_reader& f, std::size_t i) {
        auto day = f.get<std::string>("day");
        int start = f.get<int>("start_min"), end = f.get<int>("end_min");
        auto& special = branches[i].special;
        if (special.empty() || special.back().day != day) special.push_back({day, {}});
        if (start != end) special.back().intervals.emplace_back(start, end);
      });
  if (!ok) return ok;
  return for_each_detail(conn, scope,
                         "SELECT branch_id, e164 FROM phone_numbers WHERE company_id = ? "
                         "ORDER BY id",
                         index, "branch_id", [&](field_reader& f, std::size_t i) {
                           branches[i].phone_numbers.push_back(f.get<std::string>("e164"));
                         });
}

Result<std::vector<service_record>> select_service_rows(connection& conn, tenant_scope scope) {
  auto rows = conn.query(
      "SELECT id, slug, name, duration_min, buffer_before_min, buffer_after_min, price_cents, "
      "calcom_event_type_id, active FROM services WHERE company_id = ? ORDER BY id",
      {scope.company_id()});
  if (!rows) return std::move(rows.error());
  std::vector<service_record> out;
  for (const auto& r : *rows) {
    field_reader f{r};
    service_record s;
    s.id = f.get<int64_t>("id");
    s.slug = f.get<std::string>("slug");
    s.name = f.get<std::string>("name");
    s.duration_min = f.get<int>("duration_min");
    s.buffer_before_min = f.get<int>("buffer_before_min");
    s.buffer_after_min = f.get<int>("buffer_after_min");
    s.price_cents = f.get<int64_t>("price_cents");
    s.calcom_event_type_id = f.nullable<int64_t>("calcom_event_type_id");
    s.active = f.get<bool>("active");
    if (auto ok = f.status(); !ok) return std::move(ok.error());
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<staff_record>> select_staff_rows(connection& conn, tenant_scope scope) {
  auto rows = conn.query(
      "SELECT s.id AS id, s.slug AS slug, s.name AS name, s.branch_id AS branch_id, "
      "b.slug AS branch_slug, s.calcom_user AS calcom_user, s.own_hours AS own_hours, "
      "s.active AS active FROM staff s "
      "JOIN branches b ON b.company_id = s.company_id AND b.id = s.branch_id "
      "WHERE s.company_id = ? ORDER BY s.id",
      {scope.company_id()});
  if (!rows) return std::move(rows.error());
  std::vector<staff_record> out;
  for (const auto& r : *rows) {
    field_reader f{r};
    staff_record s;
    s.id = f.get<int64_t>("id");
    s.slug = f.get<std::string>("slug");
    s.name = f.get<std::string>("name");
    s.branch_id = f.get<int64_t>("branch_id");
    s.branch_slug = f.get<std::string>("branch_slug");
    s.calcom_user = f.nullable<std::string>("calcom_user");
    s.own_hours = f.get<bool>("own_hours");
    s.active = f.get<bool>("active");
    if (auto ok = f.status(); !ok) return std::move(ok.error());
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

Result<std::vector<branch_record>> load_branches(connection& conn, tenant_scope scope) {
  auto branches = select_branch_rows(conn, scope);
  if (!branches) return branches;
  if (auto ok = attach_branch_hours(conn, scope, *branches); !ok) return std::move(ok.error());
  if (auto ok = attach_branch_days(conn, scope, *branches); !ok) return std::move(ok.error());
  return branches;
}

Result<std::vector<service_record>> load_services(connection& conn, tenant_scope scope) {
  auto services = select_service_rows(conn, scope);
  if (!services) return services;
  auto index = index_by_id(*services);
  auto ok = for_each_detail(conn, scope,
                            "SELECT service_id, synonym FROM service_synonyms "
                            "WHERE company_id = ? ORDER BY service_id, position",
                            index, "service_id", [&](field_reader& f, std::size_t i) {
                              (*services)[i].synonyms.push_back(f.get<std::string>("synonym"));
                            });
  if (!ok) return std::move(ok.error());
  return services;
}

Result<std::vector<staff_record>> load_staff(connection& conn, tenant_scope scope) {
  auto staff = select_staff_rows(conn, scope);
  if (!staff) return staff;
  auto index = index_by_id(*staff);
  auto ok =
      for_each_detail(conn, scope,
                      "SELECT ss.staff_id AS staff_id, sv.slug AS slug FROM staff_services ss "
                      "JOIN services sv ON sv.company_id = ss.company_id AND sv.id = ss.service_id "
                      "WHERE ss.company_id = ? ORDER BY ss.staff_id, ss.service_id",
                      index, "staff_id", [&](field_reader& f, std::size_t i) {
                        (*staff)[i].service_slugs.push_back(f.get<std::string>("slug"));
                      });
  if (!ok) return std::move(ok.error());
  ok = for_each_detail(
      conn, scope,
      "SELECT staff_id, weekday, start_min, end_min FROM staff_hours WHERE company_id = ? "
      "ORDER BY staff_id, weekday, start_min",
      index, "staff_id", [&](field_reader& f, std::size_t i) {
        (*staff)[i].hours.push_back(
            {f.get<int>("weekday"), f.get<int>("start_min"), f.get<int>("end_min")});
      });
  if (!ok) return std::move(ok.error());
  return staff;
}

}  // namespace detail

Result<tenant_catalog> load_catalog(connection& conn, tenant_scope scope) {
  auto company = detail::select_company_by_id(conn, scope.company_id(), false);
  if (!company) return std::move(company.error());
  if (!*company) return make_error(errc::not_found, "company not found");
  tenant_catalog out;
  out.company = std::move(**company);
  auto branches = detail::load_branches(conn, scope);
  if (!branches) return std::move(branches.error());
  out.branches = std::move(*branches);
  auto services = detail::load_services(conn, scope);
  if (!services) return std::move(services.error());
  out.services = std::move(*services);
  auto staff = detail::load_staff(conn, scope);
  if (!staff) return std::move(staff.error());
  out.staff = std::move(*staff);
  return out;
}

}  // namespace askpro::persistence
