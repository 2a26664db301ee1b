// Reservations: hold an interval under the booking lock and overlap check, expire and release.
#include "persistence/repo/booking_repo.hpp"
#include "persistence/repo/booking_rows.hpp"

namespace askpro::persistence {

using namespace booking_detail;

namespace {

using reservation_claim = claim_outcome<reservation_record>;

Result<reservation_claim> reserve_in(connection& conn, tenant_scope scope,
                                     const reservation_request& req, int64_t now_ms) {
  if (auto ok = lock_staff(conn, scope, req.staff_id); !ok) return std::move(ok.error());
  if (auto ok = check_branch_service(conn, scope, req.branch_id, req.service_id); !ok)
    return std::move(ok.error());
  claim_span span{req.staff_id, req.start_at, req.end_at, req.buffer_before_min,
                  req.buffer_after_min};
  auto taken = span_taken(conn, scope, span, now_ms);
  if (!taken) return std::move(taken.error());
  if (*taken) return reservation_claim{true, false, {}};
  auto n = conn.execute(
      "INSERT INTO reservations (company_id, branch_id, service_id, staff_id, call_id, start_at, "
      "end_at, buffer_before_min, buffer_after_min, expires_at, status, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'held', ?)",
      {scope.company_id(), req.branch_id, req.service_id, req.staff_id, req.call_id, req.start_at,
       req.end_at, req.buffer_before_min, req.buffer_after_min, req.expires_at, now_ms});
  if (!n) return std::move(n.error());
  auto rec = inserted_reservation(conn, scope);
  if (!rec) return std::move(rec.error());
  return reservation_claim{false, false, std::move(*rec)};
}

}  // namespace

Result<claim_outcome<reservation_record>> reserve(connection& conn, tenant_scope scope,
                                                  const reservation_request& req, int64_t now_ms) {
  claim_span span{req.staff_id, req.start_at, req.end_at, req.buffer_before_min,
                  req.buffer_after_min};
  if (auto ok = check_span(span); !ok) return std::move(ok.error());
  return with_retry([&] {
    return claim_transaction(conn,
                             [&](connection& c) { return reserve_in(c, scope, req, now_ms); });
  });
}

Result<int64_t> expire_reservations(connection& conn, tenant_scope scope, int64_t now_ms) {
  return with_retry([&] {
    return conn.execute(
        "UPDATE reservations SET status = 'expired' "
        "WHERE company_id = ? AND status = 'held' AND expires_at <= ?",
        {scope.company_id(), now_ms});
  });
}

Result<void> release_reservation(connection& conn, tenant_scope scope, int64_t reservation_id,
                                 int64_t /*now_ms*/) {
  auto n = with_retry([&] {
    return conn.execute(
        "UPDATE reservations SET status = 'released' "
        "WHERE company_id = ? AND id = ? AND status = 'held'",
        {scope.company_id(), reservation_id});
  });
  if (!n) return std::move(n.error());
  if (*n != 1) return make_error(errc::not_found, "reservation not found or not held");
  return caf::unit;
}

}  // namespace askpro::persistence
