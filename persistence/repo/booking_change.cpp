// Changes to booked appointments: cancel (idempotent) and the atomic reschedule.
#include "persistence/crypto/sealed.hpp"
#include "persistence/repo/booking_repo.hpp"
#include "persistence/repo/booking_rows.hpp"

namespace askpro::persistence {

using namespace booking_detail;

namespace {

using appointment_claim = claim_outcome<appointment_record>;

/// The tenant's appointment `id`, locked; errc::not_found when there is none.
Result<appointment_record> locked_appointment(connection& conn, tenant_scope scope, int64_t id) {
  auto rec = select_appointment(conn, scope, id, true);
  if (!rec) return std::move(rec.error());
  if (!*rec) return make_error(errc::not_found, "appointment not found");
  return std::move(**rec);
}

Result<appointment_record> cancel_in(connection& conn, tenant_scope scope, int64_t id,
                                     int64_t now_ms, const appointment_outbox& outbox,
                                     const audit_context& who) {
  auto rec = locked_appointment(conn, scope, id);
  if (!rec || rec->status == "cancelled") return rec;
  if (rec->status != "booked")
    return make_error(errc::conflict, "appointment is " + rec->status + ", not booked");
  auto n = conn.execute(
      "UPDATE appointments SET status = 'cancelled', updated_at = ? "
      "WHERE company_id = ? AND id = ?",
      {now_ms, scope.company_id(), id});
  if (!n) return std::move(n.error());
  rec->status = "cancelled";
  rec->updated_at = now_ms;
  if (auto ok = write_outbox(conn, scope, outbox, *rec, now_ms); !ok) return std::move(ok.error());
  if (auto ok = audit_appointment(conn, scope, who, "appointment.cancelled", *rec, now_ms); !ok)
    return std::move(ok.error());
  return rec;
}

Result<appointment_record> no_show_in(connection& conn, tenant_scope scope, int64_t id,
                                      int64_t now_ms, const audit_context& who) {
  auto rec = locked_appointment(conn, scope, id);
  if (!rec || rec->status == "no_show") return rec;
  if (rec->status != "booked")
    return make_error(errc::conflict, "appointment is " + rec->status + ", not booked");
  auto n = conn.execute(
      "UPDATE appointments SET status = 'no_show', updated_at = ? "
      "WHERE company_id = ? AND id = ?",
      {now_ms, scope.company_id(), id});
  if (!n) return std::move(n.error());
  rec->status = "no_show";
  rec->updated_at = now_ms;
  if (auto ok = audit_appointment(conn, scope, who, "appointment.no_show", *rec, now_ms); !ok)
    return std::move(ok.error());
  return rec;
}

/// The booked successor of a rescheduled appointment, when it starts at `start_at`.
Result<appointment_claim> successor(connection& conn, tenant_scope scope,
                                    const appointment_record& old, int64_t start_at) {
  auto rs = conn.query(std::string{"SELECT "} + appointment_columns +
                           " FROM appointments WHERE company_id = ? AND rescheduled_from = ? "
                           "ORDER BY id" +
                           std::string{conn.sql_dialect().for_update},
                       {scope.company_id(), old.id});
  if (!rs) return std::move(rs.error());
  if (rs->empty()) return make_error(errc::conflict, "rescheduled appointment has no successor");
  auto rec = to_appointment(conn, (*rs)[0]);
  if (!rec) return std::move(rec.error());
  if (rec->start_at != start_at)
    return make_error(errc::conflict, "appointment was already rescheduled elsewhere");
  return appointment_claim{false, true, std::move(*rec)};
}

Result<void> insert_successor(connection& conn, tenant_scope scope, const appointment_record& old,
                              const reschedule_request& req, int64_t staff_id, int64_t now_ms) {
  auto notes = seal(conn, scope.company_id(), "appointments.notes", std::string_view{old.notes});
  if (!notes) return std::move(notes.error());
  auto n = conn.execute(
      "UPDATE appointments SET status = 'rescheduled', updated_at = ? "
      "WHERE company_id = ? AND id = ? AND status = 'booked'",
      {now_ms, scope.company_id(), old.id});
  if (!n) return std::move(n.error());
  if (*n != 1) return make_error(errc::conflict, "appointment changed during reschedule");
  auto ins = conn.execute(
      "INSERT INTO appointments (company_id, branch_id, service_id, staff_id, customer_id, "
      "start_at, end_at, buffer_before_min, buffer_after_min, status, source, call_id, "
      "rescheduled_from, external_uid, notes, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?, ?, ?, ?, ?, ?, ?)",
      {scope.company_id(), old.branch_id, old.service_id, staff_id, old.customer_id, req.start_at,
       req.end_at, old.buffer_before_min, old.buffer_after_min, old.source, old.call_id, old.id,
       req.external_uid, *notes, now_ms, now_ms});
  if (!ins) return std::move(ins.error());
  return caf::unit;
}

Result<appointment_claim> reschedule_in(connection& conn, tenant_scope scope,
                                        const reschedule_request& req, int64_t now_ms) {
  // Lock order as in book: the staff row first, then appointments.
  auto current = select_appointment(conn, scope, req.appointment_id, false);
  if (!current) return std::move(current.error());
  if (!*current) return make_error(errc::not_found, "appointment not found");
  const int64_t staff_id = req.staff_id != 0 ? req.staff_id : (*current)->staff_id;
  if (auto ok = lock_staff(conn, scope, staff_id); !ok) return std::move(ok.error());
  auto old = locked_appointment(conn, scope, req.appointment_id);
  if (!old) return std::move(old.error());
  if (old->status == "rescheduled") return successor(conn, scope, *old, req.start_at);
  if (old->status != "booked")
    return make_error(errc::conflict, "appointment is " + old->status + ", not booked");
  claim_span span{staff_id, req.start_at, req.end_at, old->buffer_before_min,
                  old->buffer_after_min};
  if (req.check_overlap) {
    auto taken = span_taken(conn, scope, span, now_ms, {old->id, 0});
    if (!taken) return std::move(taken.error());
    if (*taken) return appointment_claim{true, false, {}};
  }
  if (auto ok = insert_successor(conn, scope, *old, req, staff_id, now_ms); !ok)
    return std::move(ok.error());
  auto rec = inserted_appointment(conn, scope);
  if (!rec) return std::move(rec.error());
  if (auto ok = write_outbox(conn, scope, req.outbox, *rec, now_ms); !ok)
    return std::move(ok.error());
  if (auto ok = audit_appointment(conn, scope, req.audit, "appointment.rescheduled", *rec, now_ms);
      !ok)
    return std::move(ok.error());
  return appointment_claim{false, false, std::move(*rec)};
}

}  // namespace

Result<appointment_record> cancel_appointment(connection& conn, tenant_scope scope,
                                              int64_t appointment_id, int64_t now_ms,
                                              const appointment_outbox& outbox,
                                              const audit_context& who) {
  return with_retry([&] {
    return with_transaction(conn, [&](connection& c) {
      return cancel_in(c, scope, appointment_id, now_ms, outbox, who);
    });
  });
}

Result<appointment_record> mark_no_show(connection& conn, tenant_scope scope,
                                        int64_t appointment_id, int64_t now_ms,
                                        const audit_context& who) {
  return with_retry([&] {
    return with_transaction(
        conn, [&](connection& c) { return no_show_in(c, scope, appointment_id, now_ms, who); });
  });
}

Result<claim_outcome<appointment_record>> reschedule_appointment(connection& conn,
                                                                 tenant_scope scope,
                                                                 const reschedule_request& req,
                                                                 int64_t now_ms) {
  if (auto ok = check_span({req.staff_id, req.start_at, req.end_at, 0, 0}); !ok)
    return std::move(ok.error());
  return with_retry([&] {
    return claim_transaction(conn,
                             [&](connection& c) { return reschedule_in(c, scope, req, now_ms); });
  });
}

}  // namespace askpro::persistence
