// Reading the ledger: entries, balances, usage sums, the drift check (ledger_repo.hpp).
#include "persistence/repo/ledger_internal.hpp"

#include <utility>

namespace askpro::persistence {
namespace {

constexpr const char* ledger_select =
    "SELECT id, kind, amount_cents, balance_after_cents, reference, payment_intent, call_id, "
    "billed_seconds, created_at FROM ledger_entries ";

Result<ledger_entry> read_entry(const row& r) {
  ledger_entry e;
  caf::error err;
  take(r, "id", e.id, err);
  take(r, "kind", e.kind, err);
  take(r, "amount_cents", e.amount_cents, err);
  take(r, "balance_after_cents", e.balance_after_cents, err);
  take(r, "reference", e.reference, err);
  take(r, "payment_intent", e.payment_intent, err);
  take(r, "call_id", e.call_id, err);
  take(r, "billed_seconds", e.billed_seconds, err);
  take(r, "created_at", e.created_at, err);
  if (err) return err;
  return e;
}

Result<std::vector<ledger_entry>> entries_where(connection& conn, const std::string& where,
                                                const std::vector<value>& binds) {
  auto rs = conn.query(ledger_select + where, binds);
  if (!rs) return std::move(rs.error());
  std::vector<ledger_entry> out;
  out.reserve(rs->size());
  for (const auto& r : *rs) {
    auto e = read_entry(r);
    if (!e) return std::move(e.error());
    out.push_back(std::move(*e));
  }
  return out;
}

/// The one integer of a one-row aggregate (0 for NULL).
Result<int64_t> single_sum(connection& conn, const std::string& sql,
                           const std::vector<value>& binds) {
  auto rs = conn.query(sql, binds);
  if (!rs) return std::move(rs.error());
  if (rs->empty()) return int64_t{0};
  auto v = (*rs)[0].nullable<int64_t>(0);
  if (!v) return std::move(v.error());
  return v->value_or(0);
}

}  // namespace

Result<std::optional<ledger_entry>> ledger_where(connection& conn, const std::string& where,
                                                 const std::vector<value>& binds) {
  auto found = entries_where(conn, where + " LIMIT 1", binds);
  if (!found) return std::move(found.error());
  if (found->empty()) return std::optional<ledger_entry>{};
  return std::optional<ledger_entry>{std::move(found->front())};
}

Result<int64_t> ledger_company(connection& conn, int64_t entry_id) {
  return single_sum(conn, "SELECT company_id FROM ledger_entries WHERE id = ?", {entry_id});
}

Result<std::optional<std::string>> tenant_of_payment(connection& conn,
                                                     const std::string& payment_intent) {
  auto rs = conn.query(
      "SELECT c.slug FROM ledger_entries l JOIN companies c ON c.id = l.company_id "
      "WHERE l.payment_intent = ? AND l.kind = 'topup' ORDER BY l.id LIMIT 1",
      {payment_intent});
  if (!rs) return std::move(rs.error());
  if (rs->empty()) return std::optional<std::string>{};
  auto slug = (*rs)[0].get<std::string>(0);
  if (!slug) return std::move(slug.error());
  return std::optional<std::string>{std::move(*slug)};
}

Result<int64_t> refunded_so_far(connection& conn, tenant_scope scope,
                                const std::string& payment_intent) {
  auto sum = single_sum(conn,
                        "SELECT SUM(amount_cents) FROM ledger_entries WHERE company_id = ? AND "
                        "payment_intent = ? AND kind = 'refund'",
                        {scope.company_id(), payment_intent});
  if (!sum) return std::move(sum.error());
  return -*sum;
}

Result<balance_info> select_balance(connection& conn, tenant_scope scope, bool lock) {
  std::string sql = "SELECT balance_cents, low_balance_cents FROM companies WHERE id = ?";
  if (lock) sql += conn.sql_dialect().for_update;
  auto rs = conn.query(sql, {scope.company_id()});
  if (!rs) return std::move(rs.error());
  if (rs->empty()) return make_error(errc::not_found, "ledger: no such company");
  balance_info b;
  caf::error err;
  take((*rs)[0], "balance_cents", b.balance_cents, err);
  take((*rs)[0], "low_balance_cents", b.low_balance_cents, err);
  if (err) return err;
  return b;
}

Result<balance_info> read_balance(connection& conn, tenant_scope scope) {
  return select_balance(conn, scope, false);
}

Result<std::vector<ledger_entry>> list_ledger(connection& conn, tenant_scope scope,
                                              std::optional<int64_t> before_id, int limit) {
  if (before_id)
    return entries_where(conn, "WHERE company_id = ? AND id < ? ORDER BY id DESC LIMIT ?",
                         {scope.company_id(), *before_id, limit});
  return entries_where(conn, "WHERE company_id = ? ORDER BY id DESC LIMIT ?",
                       {scope.company_id(), limit});
}

Result<usage_totals> ledger_usage(connection& conn, tenant_scope scope, int64_t from_ms,
                                  int64_t to_ms) {
  auto rs = conn.query(
      "SELECT kind, COUNT(*) AS n, SUM(amount_cents) AS cents, SUM(billed_seconds) AS seconds "
      "FROM ledger_entries WHERE company_id = ? AND created_at >= ? AND created_at < ? "
      "GROUP BY kind",
      {scope.company_id(), from_ms, to_ms});
  if (!rs) return std::move(rs.error());
  usage_totals u;
  for (const auto& r : *rs) {
    auto kind = r.get<std::string>("kind");
    auto n = r.get<int64_t>("n");
    auto cents = r.nullable<int64_t>("cents");
    auto seconds = r.nullable<int64_t>("seconds");
    if (!kind || !n || !cents || !seconds)
      return make_error(errc::storage, "ledger: bad usage row");
    if (*kind == "call_charge") {
      u.calls = *n;
      u.billed_seconds = seconds->value_or(0);
      u.charged_cents = -cents->value_or(0);
    } else if (*kind == "topup") {
      u.topups_cents = cents->value_or(0);
    } else if (*kind == "refund") {
      u.refunds_cents = -cents->value_or(0);
    }
  }
  return u;
}

Result<std::vector<ledger_drift>> check_ledger(connection& conn) {
  auto rs = conn.query(
      "SELECT c.id, c.slug, c.balance_cents, COALESCE(SUM(l.amount_cents), 0) AS ledger_cents "
      "FROM companies c LEFT JOIN ledger_entries l ON l.company_id = c.id "
      "GROUP BY c.id, c.slug, c.balance_cents "
      "HAVING c.balance_cents <> COALESCE(SUM(l.amount_cents), 0) ORDER BY c.id");
  if (!rs) return std::move(rs.error());
  std::vector<ledger_drift> out;
  for (const auto& r : *rs) {
    ledger_drift d;
    caf::error err;
    take(r, "id", d.company_id, err);
    take(r, "slug", d.slug, err);
    take(r, "balance_cents", d.balance_cents, err);
    take(r, "ledger_cents", d.ledger_cents, err);
    if (err) return err;
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace askpro::persistence
