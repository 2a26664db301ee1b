#pragma once
/// The billing ledger (SPEC S9): a tenant's balance changes only by an entry posted here, in
/// integer cents, in the same transaction as companies.balance_cents, so the balance is always
/// the sum of the entries. Each entry names its cause in a `reference` unique across tenants
/// (`call:<Retell call id>`, `checkout:<Stripe session>`, `refund:<charge>:<refunded so far>`):
/// a second post of one cause — a redelivered webhook, a replay, another node — finds the first
/// entry and changes nothing. Posting locks the company's row first (SELECT … FOR UPDATE on
/// MySQL; SQLite's write transaction is exclusive), so concurrent posts of one tenant queue up
/// and every balance_after is exact.
/// Thread-safety: as the connection. Errors: those of the connection plus the ones named.

#include "persistence/connection.hpp"
#include "persistence/repo/job_repo.hpp"
#include "persistence/repo/tenant_scope.hpp"
#include "runtime/error.hpp"

#include <optional>
#include <string>
#include <vector>

namespace askpro::persistence {

struct ledger_entry {
  int64_t id = 0;
  std::string kind;          ///< topup, call_charge, refund, adjustment
  int64_t amount_cents = 0;  ///< signed: charges and refunds are negative
  int64_t balance_after_cents = 0;
  std::string reference;
  std::optional<std::string> payment_intent;
  std::optional<int64_t> call_id, billed_seconds;
  int64_t created_at = 0;
};

/// What to post.
struct ledger_post {
  std::string kind;
  int64_t amount_cents = 0;
  std::string reference;
  std::optional<std::string> payment_intent;
  std::optional<int64_t> call_id, billed_seconds;
};

/// A posted entry (or the one found for its reference) and the balance around it.
struct posted_entry {
  ledger_entry entry;
  bool fresh = false;  ///< false: the reference was posted before; nothing changed now
  int64_t balance_before = 0;
  int64_t low_balance_cents = 0;
  /// This post took the balance from at or above the tenant's threshold to below it.
  bool crossed_low() const {
    return fresh && balance_before >= low_balance_cents &&
           entry.balance_after_cents < low_balance_cents;
  }
};

/// The job kind of a low-balance notice: its handler writes the messages to the tenant's
/// branches (actors/notify/notices.hpp). Payload {"tenant", "entry", "balance_cents"}.
inline constexpr const char* low_balance_job = "notify.low_balance";

/// Posts `post` in the caller's transaction (errc::invalid_argument outside one). An existing
/// entry of the same reference is returned with `fresh` false — errc::conflict when it belongs
/// to another tenant or is of another kind or amount (a cause is posted once, as it was).
/// errc::not_found when the company does not exist.
[[nodiscard]] Result<posted_entry> post_entry(connection& conn, tenant_scope scope,
                                              const ledger_post& post, int64_t now_ms);

/// Locks the company's balance row for the rest of the caller's transaction (as post_entry
/// does first). A transaction that may post after writing other rows of the tenant — rows whose
/// foreign key takes a shared lock on the company — takes this lock before them, so it never
/// has to upgrade a shared lock while another post waits (a deadlock on MySQL).
[[nodiscard]] Result<void> lock_company_balance(connection& conn, tenant_scope scope);

/// The price of `duration_ms` of call: started minutes × price ("minute"), or the started
/// seconds × price / 60 rounded half up to a cent ("second"). Yields (cents, billed seconds).
struct call_price {
  int64_t cents = 0;
  int64_t billed_seconds = 0;
};
[[nodiscard]] call_price price_call(int64_t duration_ms, int64_t price_per_minute_cents,
                                    const std::string& rounding);

/// Charges the tenant's ended call once (reference `call:<retell_call_id>`) at the company's
/// price and rounding, in the caller's transaction, and marks the call charged. Nothing (nullopt)
/// when the call is unknown or has no duration yet. A charge that crosses the low-balance
/// threshold enqueues one `low_balance_job` (key `low_balance:<company>:<entry id>`) in the same
/// transaction.
[[nodiscard]] Result<std::optional<posted_entry>> charge_call(connection& conn, tenant_scope scope,
                                                              const std::string& retell_call_id,
                                                              int64_t now_ms);

/// Debits what of a Stripe charge's cumulative `amount_refunded` is not refunded yet for
/// `payment_intent` (reference `refund:<charge_id>:<amount_refunded>`), in the caller's
/// transaction, computed under the company's lock: deliveries in any order and repeats end in
/// the refunded total. Nothing (nullopt) when nothing is new.
[[nodiscard]] Result<std::optional<posted_entry>> post_refund(connection& conn, tenant_scope scope,
                                                              const std::string& payment_intent,
                                                              const std::string& charge_id,
                                                              int64_t amount_refunded,
                                                              int64_t now_ms);

/// The slug of the company whose top-up carried this Stripe payment intent (how a refund finds
/// its tenant).
[[nodiscard]] Result<std::optional<std::string>> tenant_of_payment(
    connection& conn, const std::string& payment_intent);

/// What has been refunded of `payment_intent` so far (a positive sum of its refund entries).
[[nodiscard]] Result<int64_t> refunded_so_far(connection& conn, tenant_scope scope,
                                              const std::string& payment_intent);

struct balance_info {
  int64_t balance_cents = 0;
  int64_t low_balance_cents = 0;
};
[[nodiscard]] Result<balance_info> read_balance(connection& conn, tenant_scope scope);

/// A page of the ledger, newest first; `before_id` is the id of the previous page's last entry.
[[nodiscard]] Result<std::vector<ledger_entry>> list_ledger(connection& conn, tenant_scope scope,
                                                            std::optional<int64_t> before_id,
                                                            int limit);

/// Sums of the entries created in [from_ms, to_ms): charged calls, their billed seconds and
/// cents, top-ups and refunds (all positive).
struct usage_totals {
  int64_t calls = 0, billed_seconds = 0, charged_cents = 0, topups_cents = 0, refunds_cents = 0;
};
[[nodiscard]] Result<usage_totals> ledger_usage(connection& conn, tenant_scope scope,
                                                int64_t from_ms, int64_t to_ms);

/// Companies whose balance is not the sum of their ledger (there should be none).
struct ledger_drift {
  int64_t company_id = 0;
  std::string slug;
  int64_t balance_cents = 0, ledger_cents = 0;
};
[[nodiscard]] Result<std::vector<ledger_drift>> check_ledger(connection& conn);

}  // namespace askpro::persistence
