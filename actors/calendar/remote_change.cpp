// Changes to appointments of a remote calendar connection: cancel and reschedule change the
// account first (a moved booking gets a new uid there) and then the local row; reserve holds a
// slot the account offers in our own database for the rest of the call.
#include "actors/calendar/remote_internal.hpp"

#include <caf/all.hpp>

namespace askpro::actors::calendar::detail {
namespace {

using persistence::access;
using persistence::appointment_record;
using persistence::claim_outcome;
using persistence::connection;
using persistence::reservation_record;

using maybe_appointment = std::optional<appointment_record>;

/// Loads the tenant's appointment `id` and continues with it; not_found when missing.
void with_appointment(provider_actor* self, int64_t id, caf::response_promise rp,
                      std::function<void(appointment_record&)> next) {
  db_step<maybe_appointment>(
      self, access::read, rp,
      [scope = self->state.scope(), id](connection& c) {
        return persistence::find_appointment(c, scope, id);
      },
      [self, rp, next](maybe_appointment& a) mutable {
        if (!a) return fail(self, rp, make_error(errc::not_found, "appointment not found"));
        next(*a);
      });
}

/// Moves the local row to the account's new booking `moved` (or, for a repeat, lets the
/// repository answer the successor it already made).
void move_here(provider_actor* self, const appointment_record& old, const reschedule_request& req,
               int64_t end_ms, std::optional<std::string> uid, caf::response_promise rp) {
  persistence::reschedule_request out;
  out.appointment_id = old.id;
  out.start_at = to_ms(req.start);
  out.audit = req.audit;
  out.end_at = end_ms;
  out.external_uid = std::move(uid);
  out.check_overlap = false;
  out.outbox = outbox_of(self->state, notify::appointment_event::rescheduled);
  db_step<claim_outcome<appointment_record>>(
      self, access::write, rp,
      [scope = self->state.scope(), out, now = to_ms(self->state.now())](connection& c) {
        return persistence::reschedule_appointment(c, scope, out, now);
      },
      [self, rp](claim_outcome<appointment_record>& o) mutable {
        rp.deliver(book_reply{
            true, o.existing, check_status::free, info_of(*self->state.cfg.model, o.record), {}});
      });
}

Result<resolved> resolve_row(const provider_state& st, const appointment_record& a) {
  auto slug = st.cfg.model->service_slugs.find(a.service_id);
  if (slug == st.cfg.model->service_slugs.end())
    return make_error(errc::conflict, "the appointment's service is no longer offered");
  auto staff = st.branch->staff_slugs.find(a.staff_id);
  std::optional<std::string> who;
  if (staff != st.branch->staff_slugs.end()) who = staff->second;
  return resolve(st, slug->second, who);
}

void move_there(provider_actor* self, reschedule_request req, appointment_record old, resolved what,
                caf::response_promise rp) {
  remote_op op;
  op.what = remote_op::kind::reschedule;
  op.uid = *old.external_uid;
  op.start_ms = to_ms(req.start);
  op.reason = "Rescheduled on request of the customer";
  auto taken = [self, rp, req, what] { taken_there(self, rp, what, req.start, req.alternatives); };
  remote_call(
      self, std::move(op), rp,
      [self, rp, req, old, what](remote_result& r) mutable {
        changed(self);
        auto end = r.booking->end_ms > r.booking->start_ms ? r.booking->end_ms
                                                           : to_ms(req.start) + length_ms(what);
        move_here(self, old, req, end, r.booking->uid, rp);
      },
      on_taken(taken));
}

}  // namespace

void remote_cancel(provider_actor* self, cancel_request req, caf::response_promise rp) {
  ++self->state.requests;
  with_appointment(self, req.appointment_id, rp, [self, rp, req](appointment_record& a) mutable {
    if (a.status != "booked" || !a.external_uid) return cancel_row(self, a.id, req.audit, rp);
    remote_op op;
    op.what = remote_op::kind::cancel;
    op.uid = *a.external_uid;
    op.reason = "Cancelled on request of the customer";
    remote_call(self, std::move(op), rp, [self, rp, id = a.id, req](remote_result&) mutable {
      changed(self);
      cancel_row(self, id, req.audit, rp);
    });
  });
}

void remote_reschedule(provider_actor* self, reschedule_request req, caf::response_promise rp) {
  ++self->state.requests;
  with_appointment(self, req.appointment_id, rp, [self, rp, req](appointment_record& a) mutable {
    const auto end = to_ms(req.start) + (a.end_at - a.start_at);
    if (a.status == "rescheduled") return move_here(self, a, req, end, std::nullopt, rp);
    if (a.status != "booked")
      return fail(self, rp, make_error(errc::conflict, "appointment is " + a.status));
    if (!a.external_uid)
      return fail(self, rp, make_error(errc::conflict, "appointment has no calendar booking"));
    auto what = resolve_row(self->state, a);
    if (!what) return fail(self, rp, std::move(what.error()));
    if (auto refused = rule_refusal(self->state, req.start)) {
      book_reply reply;
      reply.status = *refused;
      return refuse(self, rp, *what, req.start, req.alternatives, reply, false);
    }
    move_there(self, req, a, *what, rp);
  });
}

namespace {

void hold_here(provider_actor* self, reserve_request req, resolved what, slot s,
               caf::response_promise rp) {
  auto& st = self->state;
  auto out = to_repo(st, req, what, s);
  db_step<claim_outcome<reservation_record>>(
      self, access::write, rp,
      [scope = st.scope(), out, now = to_ms(st.now())](connection& c) {
        return persistence::reserve(c, scope, out, now);
      },
      [self, rp, req, what](claim_outcome<reservation_record>& o) mutable {
        if (o.taken) {
          reserve_reply reply;
          reply.status = check_status::slot_taken;
          return refuse(self, rp, what, req.start, req.alternatives, reply, false);
        }
        rp.deliver(
            reserve_reply{true, check_status::free, info_of(*self->state.cfg.model, o.record), {}});
      });
}

}  // namespace

void remote_reserve(provider_actor* self, reserve_request req, caf::response_promise rp) {
  ++self->state.requests;
  auto what = resolve(self->state, req.service, req.staff);
  if (!what) return fail(self, rp, std::move(what.error()));
  auto [from, to] = window_around(self->state, req.start);
  with_slots(self, *what, from, to, false, rp,
             [self, rp, req, what = *what](std::vector<slot>& slots) mutable {
               for (const auto& s : slots)
                 if (s.start_utc == req.start) return hold_here(self, req, what, s, rp);
               reserve_reply reply;
               reply.status =
                   rule_refusal(self->state, req.start).value_or(check_status::slot_taken);
               reply.alternatives = nearest(std::move(slots), req.start, req.alternatives);
               rp.deliver(std::move(reply));
             });
}

}  // namespace askpro::actors::calendar::detail
