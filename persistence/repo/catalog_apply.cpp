// apply_tenant: one transaction that makes the stored tenant match a catalog with the fewest
// writes (existing rows are compared first, so a repeated apply writes nothing).
#include "persistence/repo/audit_repo.hpp"
#include "persistence/repo/catalog_internal.hpp"
#include "persistence/repo/catalog_repo.hpp"
#include "persistence/transaction.hpp"

#include <nlohmann/json.hpp>

#include <tuple>

namespace askpro::persistence {
namespace detail {

Result<void> apply_context::write(std::string_view sql, const std::vector<value>& binds) {
  auto done = conn.execute(sql, binds);
  if (!done) return std::move(done.error());
  changed = true;
  return {};
}

Result<int64_t> apply_context::insert(std::string_view sql, const std::vector<value>& binds) {
  if (auto ok = write(sql, binds); !ok) return std::move(ok.error());
  return conn.last_insert_id();
}

Result<void> check_phone_owners(connection& conn, const tenant_catalog& catalog,
                                int64_t own_company_id) {
  for (const auto& b : catalog.branches) {
    for (const auto& number : b.phone_numbers) {
      auto owner = query_int(conn, "SELECT company_id FROM phone_numbers WHERE e164 = ?", {number});
      if (!owner) return std::move(owner.error());
      if (*owner != 0 && *owner != own_company_id)
        return make_error(errc::conflict,
                          "a phone number of branch '" + b.slug + "' belongs to another tenant");
    }
  }
  return {};
}

}  // namespace detail

namespace {

/// The company fields the tenant file sets (not id, status, balance or timestamps).
auto file_fields(const company_record& c) {
  return std::tie(c.name, c.time_zone, c.locale, c.country, c.retell_api_key, c.slot_step_min,
                  c.min_notice_min, c.horizon_days, c.reservation_ttl_s, c.price_per_minute_cents,
                  c.billing_rounding, c.low_balance_cents, c.notifications, c.transcript_days);
}

std::vector<value> file_values(const company_record& c) {
  return {c.name,
          c.time_zone,
          c.locale,
          c.country,
          c.retell_api_key,
          c.slot_step_min,
          c.min_notice_min,
          c.horizon_days,
          c.reservation_ttl_s,
          c.price_per_minute_cents,
          c.billing_rounding,
          c.low_balance_cents,
          c.notifications,
          c.transcript_days};
}

/// Inserts the company (status and balance take their defaults). Yields its id.
Result<int64_t> insert_company(detail::apply_context& ctx, const company_record& c) {
  auto binds = file_values(c);
  binds.insert(binds.begin(), c.slug);
  binds.push_back(ctx.now_ms);
  binds.push_back(ctx.now_ms);
  return ctx.insert(
      "INSERT INTO companies (slug, name, time_zone, locale, country, retell_api_key, "
      "slot_step_min, min_notice_min, horizon_days, reservation_ttl_s, price_per_minute_cents, "
      "billing_rounding, low_balance_cents, notifications, transcript_days, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      binds);
}

Result<void> update_company(detail::apply_context& ctx, const company_record& want,
                            const company_record& have) {
  if (file_fields(want) == file_fields(have)) return {};
  auto binds = file_values(want);
  binds.push_back(ctx.now_ms);
  binds.push_back(have.id);
  return ctx.write(
      "UPDATE companies SET name = ?, time_zone = ?, locale = ?, country = ?, "
      "retell_api_key = ?, slot_step_min = ?, min_notice_min = ?, horizon_days = ?, "
      "reservation_ttl_s = ?, price_per_minute_cents = ?, billing_rounding = ?, "
      "low_balance_cents = ?, notifications = ?, transcript_days = ?, updated_at = ? "
      "WHERE id = ?",
      binds);
}

/// Everything after the company row exists: catalog tables in dependency order.
Result<void> sync_catalog(detail::apply_context& ctx, const tenant_catalog& catalog) {
  auto branches = detail::load_branches(ctx.conn, ctx.scope);
  if (!branches) return std::move(branches.error());
  auto services = detail::load_services(ctx.conn, ctx.scope);
  if (!services) return std::move(services.error());
  auto staff = detail::load_staff(ctx.conn, ctx.scope);
  if (!staff) return std::move(staff.error());
  if (auto ok = detail::sync_branches(ctx, catalog, *branches); !ok) return ok;
  if (auto ok = detail::sync_phones(ctx, catalog, *branches); !ok) return ok;
  if (auto ok = detail::sync_services(ctx, catalog, *services); !ok) return ok;
  if (auto ok = detail::sync_staff(ctx, catalog, *staff); !ok) return ok;
  return detail::retire_unlisted(ctx, catalog, *branches, *services, *staff);
}

/// The company row `own_id`, locked first thing in the transaction so that a concurrent apply
/// of the same tenant waits, and every read after it (MySQL's snapshot) sees that apply's rows.
Result<company_record> lock_company(connection& conn, int64_t own_id) {
  auto locked = detail::select_company_by_id(conn, own_id, true);
  if (!locked) return std::move(locked.error());
  if (!*locked) return make_error(errc::conflict, "the company was removed during apply");
  return std::move(**locked);
}

/// `own_id`: the company's id found before the transaction, 0 when it is new.
Result<apply_outcome> apply_in_transaction(connection& conn, const tenant_catalog& catalog,
                                           int64_t now_ms, int64_t own_id) {
  std::optional<company_record> existing;
  if (own_id != 0) {
    auto locked = lock_company(conn, own_id);
    if (!locked) return std::move(locked.error());
    existing = std::move(*locked);
  }
  if (auto ok = detail::check_phone_owners(conn, catalog, own_id); !ok)
    return std::move(ok.error());
  detail::apply_context ctx{conn, tenant_scope{own_id}, now_ms, false, {}, {}};
  if (own_id == 0) {
    auto id = insert_company(ctx, catalog.company);  // a racing creator makes this a conflict
    if (!id) return std::move(id.error());
    ctx.scope = tenant_scope{*id};
  } else if (auto ok = update_company(ctx, catalog.company, *existing); !ok) {
    return std::move(ok.error());
  }
  if (auto ok = sync_catalog(ctx, catalog); !ok) return std::move(ok.error());
  if (own_id == 0 || ctx.changed) {
    // The tenant file holds secrets (Retell key, calendar credentials): only its slug is kept.
    nlohmann::json payload{{"tenant", catalog.company.slug}, {"created", own_id == 0}};
    if (auto ok =
            append_audit(conn, ctx.scope, {"cli", ""}, "tenant.applied", payload.dump(), now_ms);
        !ok)
      return std::move(ok.error());
  }
  return apply_outcome{ctx.scope, own_id == 0, ctx.changed};
}

}  // namespace

Result<apply_outcome> apply_tenant(connection& conn, const tenant_catalog& catalog,
                                   int64_t now_ms) {
  if (catalog.company.slug.empty())
    return make_error(errc::invalid_argument, "the tenant has no slug");
  // Looked up before the transaction: a non-locking read inside it would fix MySQL's snapshot
  // before the company row is locked.
  auto found = find_company(conn, catalog.company.slug);
  if (!found) return std::move(found.error());
  const int64_t own_id = *found ? (*found)->id : 0;
  return with_transaction(
      conn, [&](connection& c) { return apply_in_transaction(c, catalog, now_ms, own_id); });
}

}  // namespace askpro::persistence
