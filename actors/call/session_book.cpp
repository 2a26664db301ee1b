#include "actors/calendar/protocol.hpp"
#include "actors/call/session_internal.hpp"

#include <cctype>

namespace askpro::actors::call {
namespace {

using namespace calendar;

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

/// Same call, service, start and phone → same key → the same appointment however often asked.
std::string request_key(const session_state& st, const std::string& service, time_point start,
                        const std::string& phone) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(start.time_since_epoch());
  return "retell:" + st.args.call_id + ":" + lower(service) + ":" + std::to_string(ms.count()) +
         ":" + phone;
}

std::optional<std::string> service_arg(const session_state& st, const function_args& a) {
  if (a.service) return a.service;
  if (st.args.model->services.size() == 1) return st.args.model->services.front().slug;
  return std::nullopt;
}

nlohmann::json appointment_json(const session_state& st, const appointment_info& a) {
  nlohmann::json j{{"appointment_id", std::to_string(a.record.id)},
                   {"start", iso_ms(st, a.record.start_at)},
                   {"end", iso_ms(st, a.record.end_at)},
                   {"service", a.service},
                   {"staff", a.staff}};
  if (a.record.customer_id) j["customer_id"] = std::to_string(*a.record.customer_id);
  return j;
}

function_reply booked_answer(const session_state& st, const book_reply& r) {
  if (!r.booked || !r.appointment) {
    auto code = status_code(r.status);
    std::string more;
    if (!r.alternatives.empty())
      more = say(st.lang, " Ich kann Ihnen ", " I can offer ") +
             spoken_choices(st.lang, slot_times(st, r.alternatives)) +
             say(st.lang, " anbieten.", ".");
    return fail_reply(st.lang, code, fail_reply(st.lang, code).message + more,
                      {{"alternatives", slots_json(st, r.alternatives)}});
  }
  const auto& a = *r.appointment;
  auto when =
      spoken_when(st.lang, local_of(st, time_point{std::chrono::milliseconds{a.record.start_at}}));
  auto msg =
      say(st.lang, "Ihr Termin für " + service_name(st, a.service) + " ist gebucht, " + when + ".",
          "Your " + service_name(st, a.service) + " is booked " + when + ".");
  return ok_reply(std::move(msg), appointment_json(st, a));
}

}  // namespace

void fn_book_appointment(session_actor* self, const function_args& a, promise rp) {
  auto& st = self->state;
  auto service = service_arg(st, a);
  if (!service) return rp.deliver(fail_reply(st.lang, "unknown_service")), void();
  auto phone = a.phone ? a.phone : caller_phone(st);
  if (!phone) return rp.deliver(fail_reply(st.lang, "phone_required")), void();
  auto start = requested_start(st, a.date, a.time);
  if (!start) return rp.deliver(error_reply(st.lang, start.error())), void();
  book_request q;
  q.branch = st.args.branch;
  q.service = *service;
  q.staff = a.staff;
  q.start = *start;
  q.customer_phone = phone;
  q.customer_name = a.name.value_or("");
  q.customer_email = a.email.value_or("");
  q.source = "phone";
  q.call_id = st.args.call_id;
  q.request_key = request_key(st, *service, *start, *phone);
  q.notes = a.notes.value_or("");
  q.audit = audit_of_call(st);
  for (const auto& held : st.reservations)
    if (held.start == q.start && (!q.staff || *q.staff == held.staff)) {
      q.reservation_id = held.id;  // converts this call's own hold
      q.staff = held.staff;
    }
  ask_booking<book_reply>(
      self, rp, [self, rp](book_reply& r) mutable { rp.deliver(booked_answer(self->state, r)); },
      book_atom::value, std::move(q));
}

void fn_collect_appointment(session_actor* self, const function_args& a, promise rp) {
  if (a.confirm.value_or(false)) return fn_book_appointment(self, a, std::move(rp));
  fn_check_availability(self, a, std::move(rp));
}

void fn_query_appointment(session_actor* self, const function_args&, promise rp) {
  auto& st = self->state;
  auto phone = caller_phone(st);
  if (!phone) return rp.deliver(fail_reply(st.lang, "caller_unknown")), void();
  appointments_query q{st.args.branch, std::nullopt, phone, st.args.clock->now()};
  ask_booking<std::vector<appointment_info>>(
      self, rp,
      [self, rp](std::vector<appointment_info>& list) mutable {
        const auto& st = self->state;
        auto items = nlohmann::json::array();
        std::vector<local_when> times;
        for (const auto& a : list) {
          items.push_back(appointment_json(st, a));
          times.push_back(local_of(st, time_point{std::chrono::milliseconds{a.record.start_at}}));
        }
        auto msg = list.empty()
                       ? say(st.lang, "Ich finde keinen kommenden Termin von Ihnen.",
                             "I cannot find any upcoming appointment of yours.")
                       : say(st.lang, "Sie haben einen Termin ", "You have an appointment ") +
                             spoken_choices(st.lang, times) + ".";
        rp.deliver(ok_reply(std::move(msg), {{"appointments", items}}));
      },
      appts_atom::value, std::move(q));
}

}  // namespace askpro::actors::call
