// What an external calendar's booking event does to the tenant's appointments, matched by uid.
#include "actors/calendar/external_apply.hpp"

#include "actors/notify/outbox.hpp"
#include "actors/tenant/phone.hpp"
#include "persistence/repo/booking_repo.hpp"
#include "persistence/repo/customer_repo.hpp"

#include <spdlog/spdlog.h>

namespace askpro::actors::calendar {
namespace {

using persistence::appointment_record;
using persistence::connection;
using persistence::tenant_scope;

const booking::service* service_of(const tenant::tenant_model& m, std::optional<int64_t> type) {
  for (const auto& s : m.services)
    if (type && s.calcom_event_type_id == type) return &s;
  return nullptr;
}

const booking::staff_member* performer(const tenant::branch_model& b, const std::string& svc) {
  for (const auto& m : b.staff)
    if (m.performs(svc)) return &m;
  return nullptr;
}

/// The attendee's customer row when the event gives a number we can read.
Result<std::optional<int64_t>> customer_of(connection& c, tenant_scope scope,
                                           const tenant::tenant_model& m, const external_event& ev,
                                           int64_t now) {
  if (ev.attendee_phone.empty()) return std::optional<int64_t>{};
  auto e164 = tenant::to_e164(ev.attendee_phone, m.country);
  if (!e164) return std::optional<int64_t>{};
  auto customer = persistence::find_or_create_customer(c, scope, *e164, ev.attendee_name, now);
  if (!customer) return std::move(customer.error());
  return std::optional<int64_t>{customer->id};
}

/// Changes a Cal.com webhook makes, tied to the booking's uid.
persistence::audit_context calcom_actor(const external_event& ev) {
  return {"calcom", ev.uid};
}

Result<event_effect> create(connection& c, const tenant::tenant_model& m,
                            const tenant::branch_model& b, const external_event& ev, int64_t now) {
  tenant_scope scope{m.company_id};
  const auto* svc = service_of(m, ev.event_type_id);
  const auto* who = svc ? performer(b, svc->slug) : nullptr;
  if (!who) {
    spdlog::warn("calcom {}/{}: booking of event type {} matches no service and staff; ignored",
                 m.slug, b.slug, ev.event_type_id.value_or(0));
    return event_effect::unchanged;
  }
  auto customer = customer_of(c, scope, m, ev, now);
  if (!customer) return std::move(customer.error());
  persistence::booking_request req;
  req.branch_id = b.id;
  req.service_id = m.service_ids.at(svc->slug);
  req.staff_id = b.staff_ids.at(who->slug);
  req.customer_id = *customer;
  req.start_at = ev.start_ms;
  req.end_at = ev.end_ms > ev.start_ms
                   ? ev.end_ms
                   : ev.start_ms + std::chrono::milliseconds{svc->duration}.count();
  req.buffer_before_min = static_cast<int>(svc->buffer_before.count());
  req.buffer_after_min = static_cast<int>(svc->buffer_after.count());
  req.source = "calcom";
  req.request_key = ev.request_key;
  req.external_uid = ev.uid;
  req.check_overlap = false;
  req.audit = calcom_actor(ev);
  auto out = persistence::book(c, scope, req, now);
  if (!out) return std::move(out.error());
  return out->existing ? event_effect::unchanged : event_effect::created;
}

/// The appointment of `uid`, or nullopt.
Result<std::optional<appointment_record>> by_uid(connection& c, const tenant::tenant_model& m,
                                                 const std::string& uid) {
  if (uid.empty()) return std::optional<appointment_record>{};
  return persistence::find_appointment_by_external_uid(c, tenant_scope{m.company_id}, uid);
}

Result<event_effect> created(connection& c, const tenant::tenant_model& m,
                             const tenant::branch_model& b, const external_event& ev, int64_t now) {
  auto known = by_uid(c, m, ev.uid);
  if (!known) return std::move(known.error());
  if (*known) return event_effect::unchanged;  // ours, or a redelivery
  return create(c, m, b, ev, now);
}

Result<event_effect> cancelled(connection& c, const external_connection& to,
                               const external_event& ev, int64_t now) {
  const auto& m = *to.model;
  auto known = by_uid(c, m, ev.uid);
  if (!known) return std::move(known.error());
  if (!*known || (*known)->status != "booked") return event_effect::unchanged;
  auto done = persistence::cancel_appointment(
      c, tenant_scope{m.company_id}, (*known)->id, now,
      notify::appointment_outbox(to.notify, to.model,
                                 notify::appointment_event::cancelled_elsewhere, now),
      calcom_actor(ev));
  if (!done) return std::move(done.error());
  return event_effect::cancelled;
}

Result<event_effect> rescheduled(connection& c, const external_connection& to,
                                 const external_event& ev, int64_t now) {
  const auto& m = *to.model;
  const auto& b = *to.branch;
  auto fresh = by_uid(c, m, ev.uid);
  if (!fresh) return std::move(fresh.error());
  if (*fresh) return event_effect::unchanged;  // we moved it ourselves
  auto old = by_uid(c, m, ev.previous_uid);
  if (!old) return std::move(old.error());
  if (!*old || (*old)->status != "booked") return create(c, m, b, ev, now);
  persistence::reschedule_request req;
  req.appointment_id = (*old)->id;
  req.start_at = ev.start_ms;
  req.end_at =
      ev.end_ms > ev.start_ms ? ev.end_ms : ev.start_ms + ((*old)->end_at - (*old)->start_at);
  req.external_uid = ev.uid;
  req.check_overlap = false;
  req.outbox = notify::appointment_outbox(to.notify, to.model,
                                          notify::appointment_event::moved_elsewhere, now);
  req.audit = calcom_actor(ev);
  auto moved = persistence::reschedule_appointment(c, tenant_scope{m.company_id}, req, now);
  if (!moved) return std::move(moved.error());
  return event_effect::moved;
}

Result<event_effect> no_show(connection& c, const tenant::tenant_model& m, const external_event& ev,
                             int64_t now) {
  auto known = by_uid(c, m, ev.uid);
  if (!known) return std::move(known.error());
  if (!*known || (*known)->status != "booked" || !ev.no_show.value_or(false))
    return event_effect::unchanged;
  auto done =
      persistence::mark_no_show(c, tenant_scope{m.company_id}, (*known)->id, now, calcom_actor(ev));
  if (!done) return std::move(done.error());
  return event_effect::no_show;
}

}  // namespace

Result<event_effect> apply_external(connection& conn, const external_connection& to,
                                    const external_event& ev, int64_t now_ms) {
  const auto& model = *to.model;
  if (ev.trigger == "BOOKING_CREATED") return created(conn, model, *to.branch, ev, now_ms);
  if (ev.trigger == "BOOKING_CANCELLED") return cancelled(conn, to, ev, now_ms);
  if (ev.trigger == "BOOKING_RESCHEDULED") return rescheduled(conn, to, ev, now_ms);
  if (ev.trigger == "BOOKING_NO_SHOW_UPDATED") return no_show(conn, model, ev, now_ms);
  return event_effect::unchanged;
}

}  // namespace askpro::actors::calendar
