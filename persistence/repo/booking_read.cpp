// Reads of the booking repository: busy time of a branch, one appointment or reservation, a
// customer's upcoming appointments.
#include "persistence/repo/booking_repo.hpp"
#include "persistence/repo/booking_rows.hpp"

namespace askpro::persistence {

using namespace booking_detail;

namespace {

Result<busy_record> to_busy(const row& r) {
  busy_record b;
  caf::error err;
  take(r, "staff_id", b.staff_id, err);
  take(r, "start_at", b.start_at, err);
  take(r, "end_at", b.end_at, err);
  take(r, "buffer_before_min", b.buffer_before_min, err);
  take(r, "buffer_after_min", b.buffer_after_min, err);
  take(r, "expires_at", b.expires_at, err);
  if (err) return err;
  return b;
}

}  // namespace

Result<std::vector<busy_record>> load_busy(connection& conn, tenant_scope scope, int64_t branch_id,
                                           int64_t from_ms, int64_t to_ms, int64_t now_ms) {
  auto rs = conn.query(
      "SELECT staff_id, start_at, end_at, buffer_before_min, buffer_after_min, "
      "NULL AS expires_at FROM appointments WHERE company_id = ? AND branch_id = ? AND "
      "status = 'booked' AND start_at - buffer_before_min * 60000 < ? AND "
      "end_at + buffer_after_min * 60000 > ? "
      "UNION ALL "
      "SELECT staff_id, start_at, end_at, buffer_before_min, buffer_after_min, expires_at "
      "FROM reservations WHERE company_id = ? AND branch_id = ? AND status = 'held' AND "
      "expires_at > ? AND start_at - buffer_before_min * 60000 < ? AND "
      "end_at + buffer_after_min * 60000 > ? "
      "ORDER BY staff_id, start_at",
      {scope.company_id(), branch_id, to_ms, from_ms, scope.company_id(), branch_id, now_ms, to_ms,
       from_ms});
  if (!rs) return std::move(rs.error());
  std::vector<busy_record> out;
  out.reserve(rs->size());
  for (const auto& r : *rs) {
    auto b = to_busy(r);
    if (!b) return std::move(b.error());
    out.push_back(*b);
  }
  return out;
}

Result<std::optional<appointment_record>> find_appointment(connection& conn, tenant_scope scope,
                                                           int64_t appointment_id) {
  return select_appointment(conn, scope, appointment_id, false);
}

Result<std::optional<appointment_record>> find_appointment_by_external_uid(connection& conn,
                                                                           tenant_scope scope,
                                                                           const std::string& uid) {
  return select_by_external_uid(conn, scope, uid, false);
}

Result<std::optional<appointment_record>> find_appointment_by_request_key(
    connection& conn, tenant_scope scope, const std::string& request_key) {
  return select_by_request_key(conn, scope, request_key, false);
}

Result<std::optional<reservation_record>> find_reservation(connection& conn, tenant_scope scope,
                                                           int64_t reservation_id) {
  return select_reservation(conn, scope, reservation_id, false);
}

Result<std::vector<appointment_record>> customer_appointments(connection& conn, tenant_scope scope,
                                                              int64_t customer_id,
                                                              int64_t from_ms) {
  auto rs = conn.query(std::string{"SELECT "} + appointment_columns +
                           " FROM appointments WHERE company_id = ? AND customer_id = ? AND "
                           "status = 'booked' AND start_at >= ? ORDER BY start_at, id",
                       {scope.company_id(), customer_id, from_ms});
  if (!rs) return std::move(rs.error());
  std::vector<appointment_record> out;
  out.reserve(rs->size());
  for (const auto& r : *rs) {
    auto a = to_appointment(conn, r);
    if (!a) return std::move(a.error());
    out.push_back(std::move(*a));
  }
  return out;
}

}  // namespace askpro::persistence
