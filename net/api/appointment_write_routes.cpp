// POST /api/v2/appointments (201), POST /api/v2/appointments/{id}/cancel and /{id}/reschedule —
// all through the tenant's booking actor with source "api". A lost slot is 409 slot_taken with
// alternatives; a start the rules refuse is 422 with the rule's code (in_past, too_soon, …).
// Idempotency-Key: the key (prefixed "api:") is the appointment's request key, unique per
// tenant; a request repeating a key answers the appointment the key first booked, whatever its
// body (marked Idempotent-Replayed: true), so a client retry never books twice.
#include "actors/api/api_booking.hpp"
#include "net/api/api_internal.hpp"
#include "net/api/appointment_input.hpp"
#include "net/api/appointment_json.hpp"
#include "net/http/respond.hpp"

#include <spdlog/spdlog.h>

namespace askpro::net::api {
namespace {

using actors::calendar::book_reply;
using actors::calendar::check_status;

/// Longest accepted Idempotency-Key.
constexpr std::size_t max_key = 200;

void respond_refused(api_call& call, const book_reply& reply, const std::string& zone) {
  if (reply.status == check_status::slot_taken) {
    http::problem p = http::problem_for_status(409, "the slot is no longer free");
    p.code = "slot_taken";
    return http::respond_problem(call.res, p,
                                 {{"alternatives", slots_json(reply.alternatives, zone)}});
  }
  std::string code = actors::booking::to_string(reply.status);
  respond_problem(call.res, 422, code, "the start is not bookable: " + code,
                  {{"start", "not bookable: " + code}},
                  {{"alternatives", slots_json(reply.alternatives, zone)}});
}

/// Answers a booking actor's reply: the appointment with `status`, or why not.
void respond_booking(api_call& call, const book_reply& reply, const std::string& zone, int status) {
  if (!reply.booked || !reply.appointment) return respond_refused(call, reply, zone);
  const auto& rec = reply.appointment->record;
  call.res.set_header("Location", "/api/v2/appointments/" + std::to_string(rec.id));
  if (reply.existing) call.res.set_header("Idempotent-Replayed", "true");
  respond_item(call, appointment_json(view_of(*reply.appointment, zone)), status);
}

std::optional<std::string> read_key(api_call& call, field_errors& errors) {
  if (!call.req.has_header("Idempotency-Key")) return std::nullopt;
  auto key = call.req.get_header_value("Idempotency-Key");
  if (key.empty() || key.size() > max_key) {
    errors.push_back({"Idempotency-Key", "1 to 200 characters"});
    return std::nullopt;
  }
  return "api:" + key;
}

/// Stops with 422 when the body names a customer id the tenant does not have.
bool known_customer(api_call& call, const std::optional<int64_t>& id) {
  if (!id) return true;
  auto exists = actors::api::customer_exists(call.env.deps, call.who, *id);
  if (!exists) return respond_failure(call.res, exists.error()), false;
  if (!*exists) respond_invalid(call.res, {{"customer_id", "unknown customer"}});
  return *exists;
}

void remember_email(api_call& call, const book_reply& reply,
                    const std::optional<std::string>& email) {
  if (!email || !reply.booked || !reply.appointment) return;
  auto customer = reply.appointment->record.customer_id;
  if (!customer) return;
  auto done = actors::api::remember_email(call.env.deps, call.who, *customer, *email);
  if (!done) spdlog::warn("api booking: customer e-mail not stored: {}", describe(done.error()));
}

void create(api_call& call) {
  auto body = read_body(call);
  if (!body) return;
  auto tenant = actors::api::open_tenant(call.env.deps, call.who);
  if (!tenant) return respond_failure(call.res, tenant.error());
  field_errors errors;
  auto key = read_key(call, errors);
  auto in = read_booking(*body, *tenant->model, call.who, errors);
  if (!in) return respond_invalid(call.res, std::move(errors));
  if (!known_customer(call, in->request.customer_id)) return;
  in->request.request_key = key;
  in->request.audit = actors::api::audit_of(call.who);
  auto zone = actors::api::zone_of(*tenant->model, *in->branch);
  auto reply = actors::api::book(call.env.deps, *tenant, in->request);
  if (!reply) return respond_failure(call.res, reply.error());
  remember_email(call, *reply, in->email);
  respond_booking(call, *reply, zone, 201);
}

/// The appointment of the path when the token sees it; answers 404 (or 5xx) otherwise.
std::optional<actors::api::appointment_view> visible(api_call& call) {
  auto id = appointment_id(call);
  if (!id) return respond_not_found(call.res, "appointment"), std::nullopt;
  auto found = actors::api::find_appointment(call.env.deps, call.who, *id);
  if (!found) return respond_failure(call.res, found.error()), std::nullopt;
  if (!*found) respond_not_found(call.res, "appointment");
  return *found;
}

void cancel(api_call& call) {
  auto appt = visible(call);
  if (!appt) return;
  auto tenant = actors::api::open_tenant(call.env.deps, call.who);
  if (!tenant) return respond_failure(call.res, tenant.error());
  auto done = actors::api::cancel(call.env.deps, *tenant,
                                  {appt->branch, appt->record.id, actors::api::audit_of(call.who)});
  if (!done) return respond_failure(call.res, done.error());
  respond_item(call, appointment_json(view_of(*done, appt->time_zone)));
}

void reschedule(api_call& call) {
  auto appt = visible(call);
  if (!appt) return;
  auto body = read_body(call);
  if (!body) return;
  auto tenant = actors::api::open_tenant(call.env.deps, call.who);
  if (!tenant) return respond_failure(call.res, tenant.error());
  const auto* branch = tenant->model->branch(appt->record.branch_id);
  if (!branch)
    return respond_problem(call.res, 409, "conflict", "the appointment's branch is not active");
  field_errors errors;
  auto q = read_reschedule(*body, *tenant->model, *branch, errors);
  if (!q) return respond_invalid(call.res, std::move(errors));
  q->appointment_id = appt->record.id;
  q->audit = actors::api::audit_of(call.who);
  auto reply = actors::api::reschedule(call.env.deps, *tenant, std::move(*q));
  if (!reply) return respond_failure(call.res, reply.error());
  respond_booking(call, *reply, appt->time_zone, 200);
}

}  // namespace

void mount_appointment_writes(api_mount& m) {
  m.add("POST", "/api/v2/appointments", api_access::write, create);
  m.add("POST", "/api/v2/appointments/{id}/cancel", api_access::write, cancel);
  m.add("POST", "/api/v2/appointments/{id}/reschedule", api_access::write, reschedule);
}

}  // namespace askpro::net::api
