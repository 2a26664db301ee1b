// Posting to the ledger and charging calls (ledger_repo.hpp).
#include "persistence/repo/audit_repo.hpp"
#include "persistence/repo/call_repo.hpp"
#include "persistence/repo/ledger_internal.hpp"
#include "persistence/repo/ledger_repo.hpp"

#include <nlohmann/json.hpp>

#include <utility>

namespace askpro::persistence {
namespace {

/// The company's balance and threshold, its row locked for the rest of the transaction.
Result<balance_info> lock_balance(connection& conn, tenant_scope scope) {
  return select_balance(conn, scope, true);
}

/// The locked company row as a post needs it: the balance and the head of its audit chain (the
/// entry's audit event and the new balance are written back in one statement).
struct locked_company {
  balance_info balance;
  std::string audit_head;
};

Result<locked_company> lock_company(connection& conn, tenant_scope scope) {
  auto rs =
      conn.query("SELECT balance_cents, low_balance_cents, audit_head FROM companies WHERE id = ?" +
                     std::string{conn.sql_dialect().for_update},
                 {scope.company_id()});
  if (!rs) return std::move(rs.error());
  if (rs->empty()) return make_error(errc::not_found, "ledger: no such company");
  locked_company out;
  caf::error err;
  take((*rs)[0], "balance_cents", out.balance.balance_cents, err);
  take((*rs)[0], "low_balance_cents", out.balance.low_balance_cents, err);
  take((*rs)[0], "audit_head", out.audit_head, err);
  if (err) return err;
  return out;
}

/// The entry already posted for `post`'s reference, checked to be the same cause.
Result<std::optional<ledger_entry>> earlier_post(connection& conn, tenant_scope scope,
                                                 const ledger_post& post) {
  auto found = ledger_where(conn, "WHERE reference = ?", {post.reference});
  if (!found || !*found) return found;
  auto company = ledger_company(conn, (*found)->id);
  if (!company) return std::move(company.error());
  if (*company != scope.company_id() || (*found)->kind != post.kind ||
      (*found)->amount_cents != post.amount_cents)
    return make_error(errc::conflict, "ledger: reference posted before with other content");
  return found;
}

/// The entry's event in the tenant's audit chain after `head`: call charges come from
/// Retell's events, top-ups and refunds from Stripe's; the reference ties the event to its
/// cause. Yields the new head.
Result<std::string> audit_entry(connection& conn, tenant_scope scope, const ledger_entry& e,
                                int64_t now_ms, const std::string& head) {
  const std::string actor = e.kind == "call_charge"                   ? "retell"
                            : e.kind == "topup" || e.kind == "refund" ? "stripe"
                                                                      : "system";
  nlohmann::json payload{{"entry", e.id},
                         {"kind", e.kind},
                         {"amount_cents", e.amount_cents},
                         {"balance_after_cents", e.balance_after_cents},
                         {"reference", e.reference}};
  return append_audit_after(conn, scope, {actor, e.reference}, "ledger." + e.kind, payload.dump(),
                            now_ms, head);
}

Result<posted_entry> insert_post(connection& conn, tenant_scope scope, const ledger_post& post,
                                 const locked_company& before, int64_t now_ms) {
  const int64_t after = before.balance.balance_cents + post.amount_cents;
  auto inserted = conn.execute(
      "INSERT INTO ledger_entries (company_id, kind, amount_cents, balance_after_cents, "
      "reference, payment_intent, call_id, billed_seconds, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {scope.company_id(), post.kind, post.amount_cents, after, post.reference, post.payment_intent,
       post.call_id, post.billed_seconds, now_ms});
  if (!inserted) return std::move(inserted.error());
  auto id = conn.last_insert_id();
  if (!id) return std::move(id.error());
  ledger_entry entry{*id,          post.kind,           post.amount_cents,
                     after,        post.reference,      post.payment_intent,
                     post.call_id, post.billed_seconds, now_ms};
  auto head = audit_entry(conn, scope, entry, now_ms, before.audit_head);
  if (!head) return std::move(head.error());
  auto updated = conn.execute("UPDATE companies SET balance_cents = ?, audit_head = ? WHERE id = ?",
                              {after, *head, scope.company_id()});
  if (!updated) return std::move(updated.error());
  return posted_entry{std::move(entry), true, before.balance.balance_cents,
                      before.balance.low_balance_cents};
}

}  // namespace

Result<void> lock_company_balance(connection& conn, tenant_scope scope) {
  auto locked = lock_balance(conn, scope);
  if (!locked) return std::move(locked.error());
  return caf::unit;
}

Result<posted_entry> post_entry(connection& conn, tenant_scope scope, const ledger_post& post,
                                int64_t now_ms) {
  if (!conn.in_transaction())
    return make_error(errc::invalid_argument, "ledger: post_entry needs a transaction");
  if (post.reference.empty() || post.kind.empty())
    return make_error(errc::invalid_argument, "ledger: an entry needs a kind and a reference");
  auto before = lock_company(conn, scope);
  if (!before) return std::move(before.error());
  auto earlier = earlier_post(conn, scope, post);
  if (!earlier) return std::move(earlier.error());
  if (*earlier)
    return posted_entry{std::move(**earlier), false, before->balance.balance_cents,
                        before->balance.low_balance_cents};
  return insert_post(conn, scope, post, *before, now_ms);
}

Result<std::optional<posted_entry>> post_refund(connection& conn, tenant_scope scope,
                                                const std::string& payment_intent,
                                                const std::string& charge_id,
                                                int64_t amount_refunded, int64_t now_ms) {
  if (!conn.in_transaction())
    return make_error(errc::invalid_argument, "ledger: post_refund needs a transaction");
  if (auto locked = lock_balance(conn, scope); !locked) return std::move(locked.error());
  auto so_far = refunded_so_far(conn, scope, payment_intent);
  if (!so_far) return std::move(so_far.error());
  if (amount_refunded <= *so_far) return std::optional<posted_entry>{};
  ledger_post post{"refund",
                   -(amount_refunded - *so_far),
                   "refund:" + charge_id + ":" + std::to_string(amount_refunded),
                   payment_intent,
                   std::nullopt,
                   std::nullopt};
  auto posted = post_entry(conn, scope, post, now_ms);
  if (!posted) return std::move(posted.error());
  return std::optional<posted_entry>{std::move(*posted)};
}

call_price price_call(int64_t duration_ms, int64_t price_per_minute_cents,
                      const std::string& rounding) {
  const int64_t ms = duration_ms < 0 ? 0 : duration_ms;
  if (rounding == "second") {
    const int64_t seconds = (ms + 999) / 1000;
    return {(seconds * price_per_minute_cents + 30) / 60, seconds};
  }
  const int64_t minutes = (ms + 59'999) / 60'000;
  return {minutes * price_per_minute_cents, minutes * 60};
}

namespace {

struct company_price {
  std::string slug;
  int64_t per_minute = 0;
  std::string rounding;
};

Result<company_price> price_of(connection& conn, tenant_scope scope) {
  auto rs = conn.query(
      "SELECT slug, price_per_minute_cents, billing_rounding FROM companies WHERE id = ?",
      {scope.company_id()});
  if (!rs) return std::move(rs.error());
  if (rs->empty()) return make_error(errc::not_found, "ledger: no such company");
  company_price p;
  caf::error err;
  take((*rs)[0], "slug", p.slug, err);
  take((*rs)[0], "price_per_minute_cents", p.per_minute, err);
  take((*rs)[0], "billing_rounding", p.rounding, err);
  if (err) return err;
  return p;
}

/// The low-balance notice job of a charge that crossed the threshold.
Result<void> enqueue_low_balance(connection& conn, tenant_scope scope, const std::string& slug,
                                 const posted_entry& p, int64_t now_ms) {
  job_spec job;
  job.company_id = scope.company_id();
  job.kind = low_balance_job;
  job.payload =
      nlohmann::json{
          {"tenant", slug}, {"entry", p.entry.id}, {"balance_cents", p.entry.balance_after_cents}}
          .dump();
  job.run_at = now_ms;
  job.idempotency_key =
      "low_balance:" + std::to_string(scope.company_id()) + ":" + std::to_string(p.entry.id);
  auto queued = enqueue_job(conn, job, now_ms);
  if (!queued) return std::move(queued.error());
  return caf::unit;
}

/// What a charge needs of the call: its row id and duration (nullopt: no such call). Read alone,
/// so the charge does not open the call's sealed transcript.
struct charge_basis {
  int64_t id = 0;
  std::optional<int64_t> duration_ms;
};

Result<std::optional<charge_basis>> charge_basis_of(connection& conn, tenant_scope scope,
                                                    const std::string& retell_call_id) {
  auto rs =
      conn.query("SELECT id, duration_ms FROM calls WHERE company_id = ? AND retell_call_id = ?",
                 {scope.company_id(), retell_call_id});
  if (!rs) return std::move(rs.error());
  if (rs->empty()) return std::optional<charge_basis>{};
  auto id = (*rs)[0].get<int64_t>("id");
  if (!id) return std::move(id.error());
  auto duration = (*rs)[0].nullable<int64_t>("duration_ms");
  if (!duration) return std::move(duration.error());
  return std::optional<charge_basis>{charge_basis{*id, *duration}};
}

}  // namespace

Result<std::optional<posted_entry>> charge_call(connection& conn, tenant_scope scope,
                                                const std::string& retell_call_id, int64_t now_ms) {
  auto call = charge_basis_of(conn, scope, retell_call_id);
  if (!call) return std::move(call.error());
  if (!*call || !(*call)->duration_ms) return std::optional<posted_entry>{};
  auto price = price_of(conn, scope);
  if (!price) return std::move(price.error());
  auto due = price_call(*(*call)->duration_ms, price->per_minute, price->rounding);
  ledger_post post{"call_charge", -due.cents,  "call:" + retell_call_id,
                   std::nullopt,  (*call)->id, due.billed_seconds};
  auto posted = post_entry(conn, scope, post, now_ms);
  if (!posted) return std::move(posted.error());
  if (posted->fresh) {
    auto marked = conn.execute(
        "UPDATE calls SET charged_at = ? WHERE company_id = ? AND id = ? AND charged_at IS NULL",
        {now_ms, scope.company_id(), (*call)->id});
    if (!marked) return std::move(marked.error());
  }
  if (posted->crossed_low())
    if (auto ok = enqueue_low_balance(conn, scope, price->slug, *posted, now_ms); !ok)
      return std::move(ok.error());
  return std::optional<posted_entry>{std::move(*posted)};
}

}  // namespace askpro::persistence
