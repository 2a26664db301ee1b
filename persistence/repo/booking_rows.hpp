#pragma once
/// Internals shared by the booking repository files (booking_*.cpp): row mapping, the staff
/// lock and overlap check of the booking transaction, and the bounded retry of transactions
/// that lost a deadlock or lock wait. Not part of the repository interface.
/// Thread-safety: as the connection. Errors: those of the connection plus the ones named.

#include "persistence/connection.hpp"
#include "persistence/repo/booking_repo.hpp"
#include "persistence/repo/row_mapping.hpp"
#include "persistence/repo/tenant_scope.hpp"
#include "persistence/transaction.hpp"
#include "runtime/error.hpp"

#include <optional>
#include <string>

namespace askpro::persistence::booking_detail {

/// Column lists (in the order the mappers expect) of appointments and reservations.
extern const char* const appointment_columns;
extern const char* const reservation_columns;

/// Row mapping (`take`) is shared by every repository: row_mapping.hpp.
using persistence::take;

[[nodiscard]] Result<appointment_record> to_appointment(const connection& conn, const row& r);
[[nodiscard]] Result<reservation_record> to_reservation(const row& r);

/// One appointment / reservation of the tenant; `lock` appends the dialect's FOR UPDATE.
[[nodiscard]] Result<std::optional<appointment_record>> select_appointment(connection& conn,
                                                                           tenant_scope scope,
                                                                           int64_t id, bool lock);
[[nodiscard]] Result<std::optional<reservation_record>> select_reservation(connection& conn,
                                                                           tenant_scope scope,
                                                                           int64_t id, bool lock);
/// The appointment made with `request_key`, if any; `lock` as above (a locking read also sees
/// rows committed after a MySQL transaction's snapshot was taken).
[[nodiscard]] Result<std::optional<appointment_record>> select_by_request_key(
    connection& conn, tenant_scope scope, const std::string& request_key, bool lock);

/// The appointment recorded for an external calendar's booking `uid`, if any.
[[nodiscard]] Result<std::optional<appointment_record>> select_by_external_uid(
    connection& conn, tenant_scope scope, const std::string& uid, bool lock);

/// Locks the active staff row (FOR UPDATE on MySQL) — serialises every booker of that staff
/// member until commit. errc::not_found when it is not the tenant's or inactive.
[[nodiscard]] Result<void> lock_staff(connection& conn, tenant_scope scope, int64_t staff_id);
/// errc::not_found unless branch and service are the tenant's and active.
[[nodiscard]] Result<void> check_branch_service(connection& conn, tenant_scope scope,
                                                int64_t branch_id, int64_t service_id);

/// An interval to claim for a staff member, with the buffers it blocks.
struct claim_span {
  int64_t staff_id = 0;
  int64_t start_at = 0, end_at = 0;
  int buffer_before_min = 0, buffer_after_min = 0;
};
/// Limits every claimed interval obeys (checked by `check_span`), so the overlap check can
/// bound start_at and use the (company_id, staff_id, start_at) index instead of scanning —
/// and on MySQL locking — all of a staff member's appointments.
inline constexpr int64_t max_span_ms = 7LL * 24 * 60 * 60'000;
inline constexpr int max_buffer_min = 24 * 60;

/// errc::invalid_argument unless end > start, end - start <= max_span_ms and both buffers are
/// within [0, max_buffer_min].
[[nodiscard]] Result<void> check_span(const claim_span& span);

/// What the overlap check ignores (0: nothing): the row being moved or converted.
struct claim_exclusions {
  int64_t appointment_id = 0;
  int64_t reservation_id = 0;
};
/// Whether a booked appointment or live reservation of the staff member blocks `span`. Both
/// queries are locking reads on MySQL so they see rows committed after the snapshot began.
[[nodiscard]] Result<bool> span_taken(connection& conn, tenant_scope scope, const claim_span& span,
                                      int64_t now_ms, claim_exclusions excl = {});

/// How often a transaction that failed with errc::unavailable (deadlock, lock wait, busy) runs.
inline constexpr int max_attempts = 8;

/// Sleeps a short, randomised and growing time before retry number `attempt` (1, 2, …), so
/// transactions that deadlocked with each other do not collide again in lockstep. Runs on the
/// persistence worker threads, which may block.
void retry_backoff(int attempt);

/// Runs `fn()` (-> Result<T>) until it succeeds or fails with something other than
/// errc::unavailable, at most `max_attempts` times, backing off between attempts.
template <class F>
auto with_retry(F&& fn) -> decltype(fn()) {
  auto out = fn();
  for (int attempt = 1; attempt < max_attempts && !out && code_of(out.error()) == errc::unavailable;
       ++attempt) {
    retry_backoff(attempt);
    out = fn();
  }
  return out;
}

/// Runs `fn(conn)` (-> Result<claim_outcome<R>>) in a transaction: commits a claim, rolls back
/// when the outcome is `taken` or an error.
template <class F>
auto claim_transaction(connection& conn, F&& fn) -> decltype(fn(conn)) {
  auto tx = transaction::begin(conn);
  if (!tx) return std::move(tx.error());
  auto out = fn(conn);
  if (!out) return out;
  if (out->taken) {
    if (auto rolled = tx->rollback(); !rolled) return std::move(rolled.error());
    return out;
  }
  if (auto committed = tx->commit(); !committed) return std::move(committed.error());
  return out;
}

/// Runs the change's outbox (when it has one) for the row it wrote, with the row's customer.
/// Appends the appointment's change (`action`: appointment.booked, .cancelled, .rescheduled,
/// .no_show) to the tenant's audit chain: ids, times and source, no personal data.
[[nodiscard]] Result<void> audit_appointment(connection& conn, tenant_scope scope,
                                             const audit_context& who, std::string_view action,
                                             const appointment_record& rec, int64_t now_ms);

[[nodiscard]] Result<void> write_outbox(connection& conn, tenant_scope scope,
                                        const appointment_outbox& outbox,
                                        const appointment_record& written, int64_t now_ms);

/// The row inserted last by this connection, read back as a record.
[[nodiscard]] Result<appointment_record> inserted_appointment(connection& conn, tenant_scope scope);
[[nodiscard]] Result<reservation_record> inserted_reservation(connection& conn, tenant_scope scope);

}  // namespace askpro::persistence::booking_detail
