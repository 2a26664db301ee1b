#include "actors/booking/matching.hpp"
#include "actors/calendar/provider_internal.hpp"

namespace askpro::actors::calendar::detail {

using persistence::access;
using persistence::appointment_record;
using persistence::busy_record;
using persistence::connection;

Result<resolved> resolve(const provider_state& st, const std::string& service,
                         const std::optional<std::string>& staff) {
  const auto& model = *st.cfg.model;
  auto svc = booking::match_service(model.services, service);
  if (!svc) return std::move(svc.error());
  resolved out;
  out.svc = *svc;
  out.service_id = model.service_ids.at((*svc)->slug);
  if (staff && !staff->empty()) {
    auto who = booking::match_staff(st.branch->staff, *staff);
    if (!who) return std::move(who.error());
    out.staff = (*who)->slug;
  }
  return out;
}

int64_t to_ms(time_point t) {
  return runtime::to_unix_ms(t);
}

time_point from_ms(int64_t ms) {
  return time_point{
      std::chrono::duration_cast<time_point::duration>(std::chrono::milliseconds{ms})};
}

std::pair<int64_t, int64_t> engine_window(const provider_state& st) {
  const auto now = st.now();
  const auto day = std::chrono::hours{24};
  return {to_ms(now - day), to_ms(now + day * (st.cfg.model->rules.horizon_days + 2))};
}

booking::busy_index make_index(const tenant::branch_model& branch,
                               const std::vector<busy_record>& rows,
                               const std::function<bool(const busy_record&)>& skip) {
  booking::busy_index index;
  for (const auto& r : rows) {
    if (skip && skip(r)) continue;
    auto who = branch.staff_slugs.find(r.staff_id);
    if (who == branch.staff_slugs.end()) continue;  // inactive staff: nothing to offer anyway
    const booking::minutes before{r.buffer_before_min}, after{r.buffer_after_min};
    if (r.expires_at)
      index.add(booking::reservation_block{who->second, from_ms(r.start_at), from_ms(r.end_at),
                                           before, after, from_ms(*r.expires_at)});
    else
      index.add(booking::appointment_block{who->second, from_ms(r.start_at), from_ms(r.end_at),
                                           before, after});
  }
  return index;
}

booking::availability_context context_of(const provider_state& st,
                                         const booking::busy_index& index) {
  return {st.branch->hours, st.branch->staff, index, st.cfg.model->rules, st.now()};
}

namespace {

std::string slug_in(const std::map<int64_t, std::string>& m, int64_t id) {
  auto it = m.find(id);
  return it == m.end() ? std::string{} : it->second;
}

template <class Info, class Record>
Info describe_record(const tenant::tenant_model& m, const Record& r) {
  Info info;
  info.record = r;
  info.service = slug_in(m.service_slugs, r.service_id);
  if (const auto* b = m.branch(r.branch_id)) {
    info.branch = b->slug;
    info.staff = slug_in(b->staff_slugs, r.staff_id);
  }
  return info;
}

}  // namespace

appointment_info info_of(const tenant::tenant_model& m, const persistence::appointment_record& r) {
  return describe_record<appointment_info>(m, r);
}

reservation_info info_of(const tenant::tenant_model& m, const persistence::reservation_record& r) {
  return describe_record<reservation_info>(m, r);
}

void fail(provider_actor* self, caf::response_promise& rp, caf::error err) {
  auto& st = self->state;
  ++st.errors;
  auto code = code_of(err);
  st.last_error = code ? to_string(*code) : "other";
  rp.deliver(std::move(err));
}

void with_busy(provider_actor* self, int64_t from, int64_t to, caf::response_promise rp,
               std::function<void(std::vector<busy_record>&)> next) {
  auto scope = self->state.scope();
  auto branch_id = self->state.branch->id;
  auto now = to_ms(self->state.now());
  db_step<std::vector<busy_record>>(
      self, persistence::access::read, rp,
      [scope, branch_id, from, to, now](persistence::connection& c) {
        return persistence::load_busy(c, scope, branch_id, from, to, now);
      },
      std::move(next));
}

void answer_release(provider_actor* self, release_request q, caf::response_promise rp) {
  ++self->state.requests;
  auto scope = self->state.scope();
  auto now = to_ms(self->state.now());
  db_step<void>(
      self, access::write, rp,
      [scope, id = q.reservation_id, now](connection& c) {
        return persistence::release_reservation(c, scope, id, now);
      },
      [rp](caf::ok_atom) mutable { rp.deliver(caf::ok_atom::value); });
}

void answer_appointments(provider_actor* self, appointments_query q, caf::response_promise rp) {
  ++self->state.requests;
  if (!q.customer_id)
    return fail(self, rp, make_error(errc::invalid_argument, "customer id required"));
  auto scope = self->state.scope();
  db_step<std::vector<appointment_record>>(
      self, access::read, rp,
      [scope, id = *q.customer_id, from = to_ms(q.from)](connection& c) {
        return persistence::customer_appointments(c, scope, id, from);
      },
      [self, rp](std::vector<appointment_record>& rows) mutable {
        std::vector<appointment_info> out;
        for (const auto& r : rows) out.push_back(info_of(*self->state.cfg.model, r));
        rp.deliver(std::move(out));
      });
}

persistence::booking_request to_repo(const provider_state& st, const book_request& req,
                                     const resolved& what, const slot& s) {
  persistence::booking_request out;
  out.branch_id = st.branch->id;
  out.service_id = what.service_id;
  out.staff_id = st.branch->staff_ids.at(s.staff);
  out.customer_id = req.customer_id;
  out.start_at = to_ms(s.start_utc);
  out.end_at = to_ms(s.end_utc);
  out.buffer_before_min = static_cast<int>(what.svc->buffer_before.count());
  out.buffer_after_min = static_cast<int>(what.svc->buffer_after.count());
  out.source = req.source;
  out.call_id = req.call_id;
  out.request_key = req.request_key;
  out.reservation_id = req.reservation_id;
  out.notes = req.notes;
  out.outbox = outbox_of(st, notify::appointment_event::booked);
  out.audit = req.audit;
  return out;
}

persistence::appointment_outbox outbox_of(const provider_state& st, notify::appointment_event e) {
  return notify::appointment_outbox(st.cfg.notify, st.cfg.model, e, to_ms(st.now()));
}

void cancel_row(provider_actor* self, int64_t id, const persistence::audit_context& who,
                caf::response_promise rp) {
  db_step<persistence::appointment_record>(
      self, persistence::access::write, rp,
      [scope = self->state.scope(), id, now = to_ms(self->state.now()),
       outbox = outbox_of(self->state, notify::appointment_event::cancelled),
       who](persistence::connection& c) {
        return persistence::cancel_appointment(c, scope, id, now, outbox, who);
      },
      [self, rp](persistence::appointment_record& r) mutable {
        rp.deliver(info_of(*self->state.cfg.model, r));
      });
}

persistence::reservation_request to_repo(const provider_state& st, const reserve_request& req,
                                         const resolved& what, const slot& s) {
  persistence::reservation_request out;
  out.branch_id = st.branch->id;
  out.service_id = what.service_id;
  out.staff_id = st.branch->staff_ids.at(s.staff);
  out.call_id = req.call_id;
  out.start_at = to_ms(s.start_utc);
  out.end_at = to_ms(s.end_utc);
  out.buffer_before_min = static_cast<int>(what.svc->buffer_before.count());
  out.buffer_after_min = static_cast<int>(what.svc->buffer_after.count());
  out.expires_at = to_ms(st.now() + st.cfg.model->rules.reservation_ttl);
  return out;
}

}  // namespace askpro::actors::calendar::detail
