#include "actors/booking/wall_clock_text.hpp"
#include "actors/calendar/protocol.hpp"
#include "actors/call/session_internal.hpp"
#include "actors/call/speech.hpp"

namespace askpro::actors::call {
namespace {

using namespace calendar;

/// The service named, or the tenant's only service.
std::optional<std::string> service_of(const session_state& st, const function_args& a) {
  if (a.service) return a.service;
  if (st.args.model->services.size() == 1) return st.args.model->services.front().slug;
  return std::nullopt;
}

std::string offer(const session_state& st, const std::vector<booking::slot>& alternatives) {
  if (alternatives.empty()) return {};
  return say(st.lang, " Ich kann Ihnen ", " I can offer ") +
         spoken_choices(st.lang, slot_times(st, alternatives)) + say(st.lang, " anbieten.", ".");
}

function_reply check_answer(const session_state& st, time_point start, const check_reply& r) {
  bool free = r.status == booking::check_status::free;
  nlohmann::json data{{"available", free},
                      {"requested", iso(st, start)},
                      {"service", r.service},
                      {"alternatives", slots_json(st, r.alternatives)}};
  auto when = spoken_when(st.lang, local_of(st, start));
  if (free) {
    if (r.free_slot) data["staff"] = r.free_slot->staff;
    return ok_reply(
        say(st.lang, "Der Termin " + when + " ist frei.", "The time " + when + " is free."), data);
  }
  auto code = status_code(r.status);
  auto reply = ok_reply(fail_reply(st.lang, code).message + offer(st, r.alternatives), data);
  reply.success = true;  // the check itself worked; `available` says the outcome
  return reply;
}

}  // namespace

void fn_check_availability(session_actor* self, const function_args& a, promise rp) {
  auto& st = self->state;
  auto service = service_of(st, a);
  if (!service) return rp.deliver(fail_reply(st.lang, "unknown_service")), void();
  auto start = requested_start(st, a.date, a.time);
  if (!start) return rp.deliver(error_reply(st.lang, start.error())), void();
  check_query q{st.args.branch, *service, a.staff, *start, 3};
  auto t = *start;
  ask_booking<check_reply>(
      self, rp,
      [self, rp, t](check_reply& r) mutable { rp.deliver(check_answer(self->state, t, r)); },
      check_atom::value, std::move(q));
}

void fn_find_next_available(session_actor* self, const function_args& a, promise rp) {
  auto& st = self->state;
  auto service = service_of(st, a);
  if (!service) return rp.deliver(fail_reply(st.lang, "unknown_service")), void();
  auto from = local_today(st);
  if (a.date) {
    auto d = parse_spoken_date(*a.date, from);
    if (!d) return rp.deliver(error_reply(st.lang, d.error())), void();
    from = *d;
  }
  std::optional<time_point> after;
  if (a.time) {
    auto t = parse_spoken_time(*a.time);
    if (!t) return rp.deliver(error_reply(st.lang, t.error())), void();
    after = local_instant(st, from, *t);
  }
  availability_query q{st.args.branch, *service, a.staff, date::local_days{from},
                       date::local_days{from} + date::days{14}};
  ask_booking<availability_reply>(
      self, rp,
      [self, rp, after](availability_reply& r) mutable {
        const auto& st = self->state;
        for (const auto& s : r.slots) {
          if (after && s.start_utc < *after) continue;
          auto msg = say(st.lang, "Der nächste freie Termin ist ", "The next free time is ") +
                     spoken_when(st.lang, local_of(st, s.start_utc)) + ".";
          return rp.deliver(ok_reply(msg, {{"start", iso(st, s.start_utc)},
                                           {"end", iso(st, s.end_utc)},
                                           {"staff", s.staff}})),
                 void();
        }
        rp.deliver(fail_reply(st.lang, "slot_taken",
                              say(st.lang, "In den nächsten zwei Wochen ist leider nichts frei.",
                                  "Nothing is free in the next two weeks.")));
      },
      avail_atom::value, std::move(q));
}

void fn_reserve_slot(session_actor* self, const function_args& a, promise rp) {
  auto& st = self->state;
  auto service = service_of(st, a);
  if (!service) return rp.deliver(fail_reply(st.lang, "unknown_service")), void();
  auto start = requested_start(st, a.date, a.time);
  if (!start) return rp.deliver(error_reply(st.lang, start.error())), void();
  reserve_request q{st.args.branch, *service, a.staff, *start, st.args.call_id, 3};
  ask_booking<reserve_reply>(
      self, rp,
      [self, rp](reserve_reply& r) mutable {
        auto& st = self->state;
        if (!r.reserved || !r.reservation) {
          nlohmann::json data{{"alternatives", slots_json(st, r.alternatives)}};
          auto code = status_code(r.status);
          return rp.deliver(fail_reply(
                     st.lang, code, fail_reply(st.lang, code).message + offer(st, r.alternatives),
                     data)),
                 void();
        }
        const auto& rec = r.reservation->record;
        st.reservations.push_back({rec.id, time_point{std::chrono::milliseconds{rec.start_at}},
                                   r.reservation->service, r.reservation->staff});
        auto msg = say(st.lang, "Ich halte Ihnen den Termin ", "I am holding ") +
                   spoken_when(st.lang,
                               local_of(st, time_point{std::chrono::milliseconds{rec.start_at}})) +
                   say(st.lang, " frei.", " for you.");
        rp.deliver(ok_reply(msg, {{"reservation_id", std::to_string(rec.id)},
                                  {"start", iso_ms(st, rec.start_at)},
                                  {"end", iso_ms(st, rec.end_at)},
                                  {"staff", r.reservation->staff},
                                  {"expires_at", iso_ms(st, rec.expires_at)}}));
      },
      reserve_atom::value, std::move(q));
}

}  // namespace askpro::actors::call
