// The writing flows of a remote calendar connection: book (idempotent across a lost local
// write), reschedule and cancel change the account first and then the local row; reserve holds
// a slot the account offers in our own database for the rest of the call.
#include "actors/calendar/remote_internal.hpp"
#include "actors/observe/business_metrics.hpp"
#include "actors/tenant/phone.hpp"

#include <caf/all.hpp>

namespace askpro::actors::calendar::detail {
namespace {

using persistence::access;
using persistence::appointment_record;
using persistence::claim_outcome;
using persistence::connection;
using persistence::customer_record;

using maybe_appointment = std::optional<appointment_record>;

}  // namespace

void taken_there(provider_actor* self, caf::response_promise rp, const resolved& what,
                 time_point start, std::size_t n) {
  ++self->state.taken;
  changed(self);
  book_reply reply;
  reply.status = check_status::slot_taken;
  refuse(self, rp, what, start, n, reply, true);
}

std::function<bool(caf::error&)> on_taken(std::function<void()> then) {
  return [then](caf::error& err) {
    if (code_of(err) != errc::slot_taken) return false;
    then();
    return true;
  };
}

namespace {

/// The attendee of a booking: the customer's stored name and number, or the request's.
void with_attendee(provider_actor* self, const book_request& req, caf::response_promise rp,
                   std::function<void(remote_booking_input)> next) {
  const auto& st = self->state;
  remote_booking_input in;
  in.time_zone = zone_of(st);
  in.language = st.cfg.model->locale.substr(0, 2);
  in.name = req.customer_name;
  if (req.customer_phone)
    if (auto e164 = tenant::to_e164(*req.customer_phone, st.cfg.model->country)) in.phone = *e164;
  if (in.name.empty()) in.name = req.source == "phone" ? "Anrufer" : "Kunde";
  if (!req.customer_id) return next(std::move(in));
  db_step<std::optional<customer_record>>(
      self, access::read, rp,
      [scope = st.scope(), id = *req.customer_id](connection& c) {
        return persistence::find_customer(c, scope, id);
      },
      [next, in](std::optional<customer_record>& c) mutable {
        if (c) {
          if (!c->name.empty()) in.name = c->name;
          if (c->phone_e164) in.phone = *c->phone_e164;
          in.email = c->email;
        }
        next(std::move(in));
      });
}

/// Records the account's booking locally (idempotent by request key and uid) and answers.
void record_booking(provider_actor* self, book_request req, resolved what, remote_booking b,
                    bool existing, caf::response_promise rp) {
  auto& st = self->state;
  auto staff = staff_for(st, what);
  if (!staff) return fail(self, rp, std::move(staff.error()));
  const auto end = b.end_ms > b.start_ms ? b.end_ms : b.start_ms + length_ms(what);
  auto out = to_repo(st, req, what, slot{from_ms(b.start_ms), from_ms(end), *staff});
  out.external_uid = b.uid;
  out.check_overlap = false;  // the account owns the time
  db_step<claim_outcome<appointment_record>>(
      self, access::write, rp,
      [scope = st.scope(), out, now = to_ms(st.now())](connection& c) {
        return persistence::book(c, scope, out, now);
      },
      [self, rp, existing](claim_outcome<appointment_record>& o) mutable {
        ++self->state.booked;
        if (!existing && !o.existing)
          observe::count_booking(self->state.cfg.model->slug, o.record.source);
        rp.deliver(book_reply{true,
                              existing || o.existing,
                              check_status::free,
                              info_of(*self->state.cfg.model, o.record),
                              {}});
      });
}

void book_there(provider_actor* self, book_request req, resolved what, remote_booking_input in,
                caf::response_promise rp) {
  remote_op op;
  op.what = remote_op::kind::book;
  op.booking = std::move(in);
  auto taken = [self, rp, req, what] { taken_there(self, rp, what, req.start, req.alternatives); };
  remote_call(
      self, std::move(op), rp,
      [self, rp, req, what](remote_result& r) mutable {
        changed(self);
        record_booking(self, req, what, *r.booking, false, rp);
      },
      on_taken(taken));
}

/// Books at the account unless an earlier try already did (found by our key in its metadata).
void find_or_book(provider_actor* self, book_request req, resolved what, remote_booking_input in,
                  caf::response_promise rp) {
  if (!req.request_key) return book_there(self, req, what, std::move(in), rp);
  in.request_key = req.request_key;
  const int64_t day = 24LL * 3600 * 1000;
  remote_op op;
  op.what = remote_op::kind::find;
  op.event_type_id = in.event_type_id;
  op.from_ms = in.start_ms - day;
  op.to_ms = in.start_ms + 2 * day;
  op.key = *req.request_key;
  remote_call(self, std::move(op), rp, [self, rp, req, what, in](remote_result& r) mutable {
    if (r.booking) return record_booking(self, req, what, *r.booking, true, rp);
    book_there(self, req, what, std::move(in), rp);
  });
}

}  // namespace

void remote_book(provider_actor* self, book_request req, caf::response_promise rp) {
  ++self->state.requests;
  auto what = resolve(self->state, req.service, req.staff);
  if (!what) return fail(self, rp, std::move(what.error()));
  auto event_type = event_type_of(*what);
  if (!event_type) return fail(self, rp, std::move(event_type.error()));
  if (auto refused = rule_refusal(self->state, req.start)) {
    book_reply reply;
    reply.status = *refused;
    return refuse(self, rp, *what, req.start, req.alternatives, reply, false);
  }
  auto proceed = [self, rp, req, what = *what, et = *event_type]() {
    with_attendee(self, req, rp, [self, rp, req, what, et](remote_booking_input in) {
      in.start_ms = to_ms(req.start);
      in.event_type_id = et;
      in.length_min = static_cast<int>(what.svc->duration.count());
      find_or_book(self, req, what, std::move(in), rp);
    });
  };
  if (!req.request_key) return proceed();
  // A known request key answers the first appointment without asking the account.
  db_step<maybe_appointment>(
      self, access::read, rp,
      [scope = self->state.scope(), key = *req.request_key](connection& c) {
        return persistence::find_appointment_by_request_key(c, scope, key);
      },
      [self, rp, proceed](maybe_appointment& prior) mutable {
        if (!prior) return proceed();
        rp.deliver(book_reply{
            true, true, check_status::free, info_of(*self->state.cfg.model, *prior), {}});
      });
}

}  // namespace askpro::actors::calendar::detail
