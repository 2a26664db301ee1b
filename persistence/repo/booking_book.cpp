// book(): the booking transaction — idempotency lookup, staff lock, tenant checks, overlap
// re-check, insert, reservation conversion; retried when it loses a deadlock or lock wait.
#include "persistence/crypto/sealed.hpp"
#include "persistence/repo/booking_repo.hpp"
#include "persistence/repo/booking_rows.hpp"

namespace askpro::persistence {

using namespace booking_detail;

namespace {

using appointment_claim = claim_outcome<appointment_record>;

/// errc::not_found unless `reservation_id` is a held reservation of the tenant (locked).
Result<void> check_reservation(connection& conn, tenant_scope scope, int64_t reservation_id) {
  auto held = select_reservation(conn, scope, reservation_id, true);
  if (!held) return std::move(held.error());
  if (!*held || (*held)->status != "held")
    return make_error(errc::not_found, "reservation not found or not held");
  return caf::unit;
}

Result<void> insert_appointment(connection& conn, tenant_scope scope, const booking_request& req,
                                int64_t now_ms) {
  auto notes = seal(conn, scope.company_id(), "appointments.notes", std::string_view{req.notes});
  if (!notes) return std::move(notes.error());
  std::optional<std::string> key;
  if (req.request_key) {
    auto stored = stored_request_key(conn, scope.company_id(), *req.request_key);
    if (!stored) return std::move(stored.error());
    key = std::move(*stored);
  }
  auto n = conn.execute(
      "INSERT INTO appointments (company_id, branch_id, service_id, staff_id, customer_id, "
      "start_at, end_at, buffer_before_min, buffer_after_min, status, source, call_id, "
      "request_key, external_uid, notes, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?, ?, ?, ?, ?, ?, ?)",
      {scope.company_id(), req.branch_id, req.service_id, req.staff_id, req.customer_id,
       req.start_at, req.end_at, req.buffer_before_min, req.buffer_after_min, req.source,
       req.call_id, key, req.external_uid, *notes, now_ms, now_ms});
  if (!n) return std::move(n.error());
  return caf::unit;
}

Result<void> convert_reservation(connection& conn, tenant_scope scope, int64_t reservation_id,
                                 int64_t appointment_id) {
  auto n = conn.execute(
      "UPDATE reservations SET status = 'converted', appointment_id = ? "
      "WHERE company_id = ? AND id = ? AND status = 'held'",
      {appointment_id, scope.company_id(), reservation_id});
  if (!n) return std::move(n.error());
  if (*n != 1) return make_error(errc::not_found, "reservation not found or not held");
  return caf::unit;
}

/// The appointment an earlier request with the same key (or the same external uid) made.
Result<std::optional<appointment_record>> prior_request(connection& conn, tenant_scope scope,
                                                        const booking_request& req, bool lock) {
  if (req.request_key) {
    auto prior = select_by_request_key(conn, scope, *req.request_key, lock);
    if (!prior || *prior || !req.external_uid) return prior;
  }
  if (!req.external_uid) return std::optional<appointment_record>{};
  return select_by_external_uid(conn, scope, *req.external_uid, lock);
}

/// Tenant checks and the reservation to convert; errc::not_found when one fails.
Result<void> check_request(connection& conn, tenant_scope scope, const booking_request& req) {
  if (auto ok = check_branch_service(conn, scope, req.branch_id, req.service_id); !ok) return ok;
  if (req.reservation_id) return check_reservation(conn, scope, *req.reservation_id);
  return caf::unit;
}

/// The body of one booking transaction.
Result<appointment_claim> book_in(connection& conn, tenant_scope scope, const booking_request& req,
                                  int64_t now_ms) {
  auto prior = prior_request(conn, scope, req, false);
  if (!prior) return std::move(prior.error());
  if (*prior) return appointment_claim{false, true, std::move(**prior)};
  if (auto ok = lock_staff(conn, scope, req.staff_id); !ok) return std::move(ok.error());
  // Again under the lock, as a locking read: an identical request may have committed while
  // this one waited (MySQL's snapshot would still hide it).
  prior = prior_request(conn, scope, req, true);
  if (!prior) return std::move(prior.error());
  if (*prior) return appointment_claim{false, true, std::move(**prior)};
  if (auto ok = check_request(conn, scope, req); !ok) return std::move(ok.error());
  claim_span span{req.staff_id, req.start_at, req.end_at, req.buffer_before_min,
                  req.buffer_after_min};
  if (req.check_overlap) {
    auto taken = span_taken(conn, scope, span, now_ms, {0, req.reservation_id.value_or(0)});
    if (!taken) return std::move(taken.error());
    if (*taken) return appointment_claim{true, false, {}};
  }
  if (auto ok = insert_appointment(conn, scope, req, now_ms); !ok) return std::move(ok.error());
  auto rec = inserted_appointment(conn, scope);
  if (!rec) return std::move(rec.error());
  if (req.reservation_id)
    if (auto ok = convert_reservation(conn, scope, *req.reservation_id, rec->id); !ok)
      return std::move(ok.error());
  if (auto ok = write_outbox(conn, scope, req.outbox, *rec, now_ms); !ok)
    return std::move(ok.error());
  if (auto ok = audit_appointment(conn, scope, req.audit, "appointment.booked", *rec, now_ms); !ok)
    return std::move(ok.error());
  return appointment_claim{false, false, std::move(*rec)};
}

}  // namespace

Result<claim_outcome<appointment_record>> book(connection& conn, tenant_scope scope,
                                               const booking_request& req, int64_t now_ms) {
  claim_span span{req.staff_id, req.start_at, req.end_at, req.buffer_before_min,
                  req.buffer_after_min};
  if (auto ok = check_span(span); !ok) return std::move(ok.error());
  auto out = with_retry([&] {
    return claim_transaction(conn, [&](connection& c) { return book_in(c, scope, req, now_ms); });
  });
  if (out || !(req.request_key || req.external_uid) || code_of(out.error()) != errc::conflict)
    return out;
  // An identical request committed first (the unique request key or external uid decided):
  // after the failed transaction was rolled back, read its row outside of it.
  auto prior = prior_request(conn, scope, req, false);
  if (!prior) return std::move(prior.error());
  if (!*prior) return out;
  return appointment_claim{false, true, std::move(**prior)};
}

}  // namespace askpro::persistence
