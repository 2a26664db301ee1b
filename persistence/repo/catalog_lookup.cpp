// Company lookups: by slug, by id, and the route of a dialled number.
#include "persistence/repo/catalog_internal.hpp"
#include "persistence/repo/catalog_repo.hpp"

namespace askpro::persistence {
namespace detail {

const char* const company_columns =
    "id, slug, name, time_zone, locale, country, status, retell_api_key, slot_step_min, "
    "min_notice_min, horizon_days, reservation_ttl_s, price_per_minute_cents, billing_rounding, "
    "low_balance_cents, balance_cents, notifications, transcript_days";

Result<company_record> read_company(const row& r) {
  field_reader f{r};
  company_record c;
  c.id = f.get<int64_t>("id");
  c.slug = f.get<std::string>("slug");
  c.name = f.get<std::string>("name");
  c.time_zone = f.get<std::string>("time_zone");
  c.locale = f.get<std::string>("locale");
  c.country = f.get<std::string>("country");
  c.status = f.get<std::string>("status");
  c.retell_api_key = f.get<std::string>("retell_api_key");
  c.slot_step_min = f.get<int>("slot_step_min");
  c.min_notice_min = f.get<int>("min_notice_min");
  c.horizon_days = f.get<int>("horizon_days");
  c.reservation_ttl_s = f.get<int>("reservation_ttl_s");
  c.price_per_minute_cents = f.get<int64_t>("price_per_minute_cents");
  c.billing_rounding = f.get<std::string>("billing_rounding");
  c.low_balance_cents = f.get<int64_t>("low_balance_cents");
  c.balance_cents = f.get<int64_t>("balance_cents");
  c.notifications = f.get<std::string>("notifications");
  c.transcript_days = f.get<int>("transcript_days");
  if (auto ok = f.status(); !ok) return std::move(ok.error());
  return c;
}

namespace {

Result<std::optional<company_record>> first_company(Result<result_set> rows) {
  if (!rows) return std::move(rows.error());
  if (rows->empty()) return std::optional<company_record>{};
  auto c = read_company((*rows)[0]);
  if (!c) return std::move(c.error());
  return std::optional<company_record>{std::move(*c)};
}

}  // namespace

Result<std::optional<company_record>> select_company_by_id(connection& conn, int64_t id,
                                                           bool lock) {
  std::string sql = std::string{"SELECT "} + company_columns + " FROM companies WHERE id = ?";
  if (lock) sql += conn.sql_dialect().for_update;
  return first_company(conn.query(sql, {id}));
}

Result<int64_t> query_int(connection& conn, std::string_view sql, const std::vector<value>& binds) {
  auto rows = conn.query(sql, binds);
  if (!rows) return std::move(rows.error());
  if (rows->empty()) return int64_t{0};
  return (*rows)[0].get<int64_t>(0);
}

}  // namespace detail

Result<std::optional<company_record>> find_company(connection& conn, std::string_view slug) {
  std::string sql =
      std::string{"SELECT "} + detail::company_columns + " FROM companies WHERE slug = ?";
  return detail::first_company(conn.query(sql, {slug}));
}

Result<std::vector<company_record>> list_companies(connection& conn) {
  auto rows = conn.query(std::string{"SELECT "} + detail::company_columns +
                         " FROM companies ORDER BY slug");
  if (!rows) return std::move(rows.error());
  std::vector<company_record> out;
  for (const auto& r : *rows) {
    auto c = detail::read_company(r);
    if (!c) return std::move(c.error());
    out.push_back(std::move(*c));
  }
  return out;
}

Result<std::optional<phone_route>> route_phone(connection& conn, std::string_view e164) {
  auto rows = conn.query(
      "SELECT p.company_id AS company_id, c.slug AS company_slug, b.id AS branch_id, "
      "b.slug AS branch_slug FROM phone_numbers p "
      "JOIN companies c ON c.id = p.company_id "
      "JOIN branches b ON b.company_id = p.company_id AND b.id = p.branch_id "
      "WHERE p.e164 = ? AND b.active = 1",
      {e164});
  if (!rows) return std::move(rows.error());
  if (rows->empty()) return std::optional<phone_route>{};
  detail::field_reader f{(*rows)[0]};
  phone_route route{tenant_scope{f.get<int64_t>("company_id")}, f.get<std::string>("company_slug"),
                    f.get<int64_t>("branch_id"), f.get<std::string>("branch_slug")};
  if (auto ok = f.status(); !ok) return std::move(ok.error());
  return std::optional<phone_route>{std::move(route)};
}

Result<void> set_company_status(connection& conn, tenant_scope scope, const std::string& status) {
  auto found =
      detail::query_int(conn, "SELECT id FROM companies WHERE id = ?", {scope.company_id()});
  if (!found) return std::move(found.error());
  if (*found == 0) return make_error(errc::not_found, "no such company");
  auto done =
      conn.execute("UPDATE companies SET status = ? WHERE id = ?", {status, scope.company_id()});
  if (!done) return std::move(done.error());
  return {};
}

}  // namespace askpro::persistence
