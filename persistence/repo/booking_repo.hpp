#pragma once
/// Appointments and reservations, and the booking transaction that makes double booking
/// impossible across processes: inside one write transaction it locks the staff member's row
/// (`SELECT … FOR UPDATE` on MySQL; SQLite's BEGIN IMMEDIATE already is the single writer),
/// re-checks overlap with booked appointments and live reservations (each with its buffers),
/// and only then inserts. Two overlapping bookings for one staff member can never both commit.
///
/// Times are Unix ms (UTC). An interval blocks [start - buffer_before, end + buffer_after).
/// Claimed intervals (book, reserve, reschedule) must end after they start, last at most 7 days
/// and have buffers within 0..1440 minutes, else errc::invalid_argument (these bounds let the
/// overlap check use the staff/start index instead of reading every appointment).
/// Thread-safety: as the connection. Functions that write open their own transaction; they must
/// not be called inside another one. Errors: those of the connection plus the ones named.

#include "persistence/connection.hpp"
#include "persistence/repo/audit_context.hpp"
#include "persistence/repo/customer_repo.hpp"
#include "persistence/repo/job_repo.hpp"
#include "persistence/repo/tenant_scope.hpp"
#include "runtime/error.hpp"

#include <caf/allowed_unsafe_message_type.hpp>

#include <optional>
#include <string>
#include <vector>

namespace askpro::persistence {

struct appointment_record {
  int64_t id = 0;
  int64_t branch_id = 0, service_id = 0, staff_id = 0;
  std::optional<int64_t> customer_id;
  int64_t start_at = 0, end_at = 0;
  int buffer_before_min = 0, buffer_after_min = 0;
  std::string status;  ///< booked | cancelled | rescheduled | completed | no_show
  std::string source;  ///< phone | api | calcom
  std::optional<std::string> call_id, external_uid, request_key;
  std::optional<int64_t> rescheduled_from;
  std::string notes;
  int64_t created_at = 0, updated_at = 0;
};

struct reservation_record {
  int64_t id = 0;
  int64_t branch_id = 0, service_id = 0, staff_id = 0;
  std::optional<std::string> call_id;
  int64_t start_at = 0, end_at = 0;
  int buffer_before_min = 0, buffer_after_min = 0;
  int64_t expires_at = 0;
  std::string status;  ///< held | converted | released | expired
  std::optional<int64_t> appointment_id;
};

/// The outbox of a booking change (see outbox_effects): given the row the change wrote (for a
/// reschedule the successor, whose rescheduled_from names the old row) and that row's customer,
/// what to enqueue and withdraw in the same transaction. Called only when the change wrote
/// something: an idempotent repeat enqueues nothing again. Empty: no jobs.
using appointment_outbox =
    std::function<outbox_effects(const appointment_record&, const std::optional<customer_record>&)>;

/// Something that blocks a staff member's time: a booked appointment or a live reservation.
struct busy_record {
  int64_t staff_id = 0;
  int64_t start_at = 0, end_at = 0;
  int buffer_before_min = 0, buffer_after_min = 0;
  std::optional<int64_t> expires_at;  ///< set for reservations
};

/// Booked appointments and held, unexpired reservations of `branch_id` whose buffered span
/// meets [from_ms, to_ms).
[[nodiscard]] Result<std::vector<busy_record>> load_busy(connection& conn, tenant_scope scope,
                                                         int64_t branch_id, int64_t from_ms,
                                                         int64_t to_ms, int64_t now_ms);

/// What to book. `reservation_id` converts that held reservation (its own hold does not count
/// as a conflict). `request_key`, when set, makes the request idempotent: a second booking with
/// the same key returns the first appointment (`existing` = true) without checking anything.
/// `external_uid` records a booking an external calendar (Cal.com) already accepted: a second
/// request with the same uid also returns the first row, and with `check_overlap` false the
/// external calendar's word stands (no local overlap check: it owns the time).
struct booking_request {
  int64_t branch_id = 0, service_id = 0, staff_id = 0;
  std::optional<int64_t> customer_id;
  int64_t start_at = 0, end_at = 0;
  int buffer_before_min = 0, buffer_after_min = 0;
  std::string source = "api";
  std::optional<std::string> call_id, request_key, external_uid;
  std::optional<int64_t> reservation_id;
  std::string notes;
  bool check_overlap = true;
  appointment_outbox outbox;
  audit_context audit;  ///< who books (the audit trail)
};

/// The result of a write that can lose a race: either the row, or `taken` (the interval
/// overlaps another booking or live reservation of that staff member; nothing was written).
template <class Record>
struct claim_outcome {
  bool taken = false;
  bool existing = false;  ///< idempotent repeat: the row was already there
  Record record;
};

/// The booking transaction (see the file comment). Errors: errc::not_found when the staff
/// member, service or branch is not the tenant's or inactive, or `reservation_id` is not a
/// held reservation of this tenant.
[[nodiscard]] Result<claim_outcome<appointment_record>> book(connection& conn, tenant_scope scope,
                                                             const booking_request& req,
                                                             int64_t now_ms);

/// Holds an interval until `expires_at` under the same lock and overlap check as `book`.
struct reservation_request {
  int64_t branch_id = 0, service_id = 0, staff_id = 0;
  std::optional<std::string> call_id;
  int64_t start_at = 0, end_at = 0;
  int buffer_before_min = 0, buffer_after_min = 0;
  int64_t expires_at = 0;
};
[[nodiscard]] Result<claim_outcome<reservation_record>> reserve(connection& conn,
                                                                tenant_scope scope,
                                                                const reservation_request& req,
                                                                int64_t now_ms);

/// Marks held reservations with expires_at <= now as expired; yields how many.
[[nodiscard]] Result<int64_t> expire_reservations(connection& conn, tenant_scope scope,
                                                  int64_t now_ms);
/// Releases a held reservation (released); errc::not_found when it is not held.
[[nodiscard]] Result<void> release_reservation(connection& conn, tenant_scope scope,
                                               int64_t reservation_id, int64_t now_ms);

/// The tenant's reservation with this id, whatever its status.
[[nodiscard]] Result<std::optional<reservation_record>> find_reservation(connection& conn,
                                                                         tenant_scope scope,
                                                                         int64_t reservation_id);

[[nodiscard]] Result<std::optional<appointment_record>> find_appointment(connection& conn,
                                                                         tenant_scope scope,
                                                                         int64_t appointment_id);

/// The tenant's appointment recorded for an external calendar's booking `uid`, if any.
[[nodiscard]] Result<std::optional<appointment_record>> find_appointment_by_external_uid(
    connection& conn, tenant_scope scope, const std::string& uid);

/// The tenant's appointment made with idempotency key `request_key`, if any.
[[nodiscard]] Result<std::optional<appointment_record>> find_appointment_by_request_key(
    connection& conn, tenant_scope scope, const std::string& request_key);

/// Marks a booked appointment `no_show` (idempotent: a no_show one is yielded unchanged).
/// errc::not_found when it is not the tenant's; errc::conflict for any other status.
[[nodiscard]] Result<appointment_record> mark_no_show(connection& conn, tenant_scope scope,
                                                      int64_t appointment_id, int64_t now_ms,
                                                      const audit_context& who = {});

/// The customer's appointments with status `booked` starting at or after `from_ms`, by start.
[[nodiscard]] Result<std::vector<appointment_record>> customer_appointments(connection& conn,
                                                                            tenant_scope scope,
                                                                            int64_t customer_id,
                                                                            int64_t from_ms);

/// Cancels a booked appointment. Cancelling an already cancelled one yields it unchanged
/// (idempotent). errc::not_found when it is not the tenant's; errc::conflict when its status is
/// neither booked nor cancelled.
[[nodiscard]] Result<appointment_record> cancel_appointment(connection& conn, tenant_scope scope,
                                                            int64_t appointment_id, int64_t now_ms,
                                                            const appointment_outbox& outbox = {},
                                                            const audit_context& who = {});

/// Moves a booked appointment atomically: in one transaction, with the staff lock and overlap
/// check of `book` (ignoring the appointment itself), the old row becomes `rescheduled` and a
/// new `booked` row (rescheduled_from = old id, same customer, service, source, call) is
/// inserted — both or neither. `staff_id` 0 keeps the staff member. Moving an appointment that
/// is already `rescheduled` to the same start yields its successor (idempotent, `existing`).
/// `taken` when the new interval is blocked (nothing changed). errc::not_found / errc::conflict
/// as for cancel. `external_uid` is the successor's uid in an external calendar (Cal.com gives
/// a moved booking a new uid); with `check_overlap` false that calendar's word stands.
struct reschedule_request {
  int64_t appointment_id = 0;
  int64_t staff_id = 0;
  int64_t start_at = 0, end_at = 0;
  std::optional<std::string> external_uid;
  bool check_overlap = true;
  appointment_outbox outbox;
  audit_context audit;  ///< who moves it (the audit trail)
};
[[nodiscard]] Result<claim_outcome<appointment_record>> reschedule_appointment(
    connection& conn, tenant_scope scope, const reschedule_request& req, int64_t now_ms);

}  // namespace askpro::persistence

// Records travel in local messages as replies of db_tasks (make_task); CAF 0.17 needs each
// container and wrapper allowed explicitly.
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::persistence::appointment_record)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::persistence::reservation_record)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::persistence::busy_record)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(
    askpro::persistence::claim_outcome<askpro::persistence::appointment_record>)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(
    askpro::persistence::claim_outcome<askpro::persistence::reservation_record>)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::vector<askpro::persistence::busy_record>)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::vector<askpro::persistence::appointment_record>)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::optional<askpro::persistence::appointment_record>)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::optional<askpro::persistence::reservation_record>)
