#include "actors/calendar/protocol.hpp"
#include "actors/call/session_internal.hpp"
#include "actors/call/speech.hpp"
#include "persistence/repo/appointment_list.hpp"
#include "persistence/repo/customer_repo.hpp"
#include "runtime/clock.hpp"

namespace askpro::actors::call {
namespace {

using namespace calendar;

/// The caller's appointment meant by the arguments: by id, by date (only when one is on that
/// date: two are ambiguous), or the only one.
Result<appointment_info> pick(const session_state& st, const std::vector<appointment_info>& list,
                              const std::optional<std::string>& id,
                              const std::optional<std::string>& day) {
  if (id) {
    for (const auto& a : list)
      if (std::to_string(a.record.id) == *id) return a;
    // Missing, another customer's or another tenant's: one answer, so existence never leaks.
    return make_error(errc::invalid_argument, "not_found");
  }
  if (day) {
    auto d = parse_spoken_date(*day, local_today(st));
    if (!d) return std::move(d.error());
    std::vector<appointment_info> on_day;
    for (const auto& a : list)
      if (local_of(st, time_point{std::chrono::milliseconds{a.record.start_at}}).day == *d)
        on_day.push_back(a);
    if (on_day.size() > 1) return make_error(errc::invalid_argument, "invalid_argument");
    if (on_day.empty()) return make_error(errc::invalid_argument, "not_found");
    return on_day.front();
  }
  if (list.size() == 1) return list.front();
  return make_error(errc::invalid_argument, list.empty() ? "not_found" : "invalid_argument");
}

/// The caller's upcoming appointments with `status` (cancelled, rescheduled), from the database.
Result<std::vector<appointment_info>> own_history(persistence::connection& c,
                                                  persistence::tenant_scope scope,
                                                  const std::string& e164,
                                                  const std::string& status, int64_t from_ms) {
  auto customer = persistence::find_customer_by_phone(c, scope, e164);
  if (!customer) return std::move(customer.error());
  std::vector<appointment_info> out;
  if (!*customer) return out;
  persistence::appointment_filter f;
  f.customer_id = (*customer)->id;
  f.status = status;
  f.from_ms = from_ms;
  f.limit = 20;
  auto rows = persistence::list_appointments(c, scope, f);
  if (!rows) return std::move(rows.error());
  for (auto& r : *rows) out.push_back(appointment_info{std::move(r), {}, {}, {}});
  return out;
}

/// What the caller meant, among appointments already `done` (cancelled / rescheduled) — a
/// repeat of a change this caller made before the session was rebuilt; else `first_error`.
template <class F>
void with_done_appointment(session_actor* self, promise rp, std::string done,
                           caf::error first_error, std::optional<std::string> id,
                           std::optional<std::string> day, F then) {
  auto& st = self->state;
  auto e164 = caller_e164(st);
  if (!e164) return rp.deliver(error_reply(st.lang, first_error)), void();
  auto scope = scope_of(st);
  auto from = runtime::to_unix_ms(st.args.clock->now());
  ask_db<std::vector<appointment_info>>(
      self, rp, persistence::access::read,
      [scope, number = *e164, done, from](persistence::connection& c) {
        return own_history(c, scope, number, done, from);
      },
      [self, rp, first_error, id, day, then](std::vector<appointment_info>& list) mutable {
        auto chosen = pick(self->state, list, id, day);
        if (!chosen) return rp.deliver(error_reply(self->state.lang, first_error)), void();
        then(*chosen);
      });
}

/// Runs `then` with the caller's upcoming appointment chosen by the arguments: a booked one, or
/// (when none matches) one already `done` by an earlier identical request.
template <class F>
void with_own_appointment(session_actor* self, promise rp, std::optional<std::string> id,
                          std::optional<std::string> day, std::string done, F then) {
  auto& st = self->state;
  auto phone = caller_phone(st);
  if (!phone) return rp.deliver(fail_reply(st.lang, "caller_unknown")), void();
  appointments_query q{st.args.branch, std::nullopt, phone, st.args.clock->now()};
  ask_booking<std::vector<appointment_info>>(
      self, rp,
      [self, rp, id, day, done, then](std::vector<appointment_info>& list) mutable {
        auto chosen = pick(self->state, list, id, day);
        if (chosen) return then(*chosen);
        auto detail = detail_of(chosen.error());
        if (detail != "not_found")
          return rp.deliver(error_reply(self->state.lang, chosen.error())), void();
        with_done_appointment(self, rp, done, chosen.error(), id, day, then);
      },
      appts_atom::value, std::move(q));
}

std::string outcome_key(const char* fn, const function_args& a) {
  return std::string{fn} + "|" + a.appointment_id.value_or("") + "|" +
         a.old_date.value_or(a.date.value_or("")) + "|" + a.new_date.value_or("") + "|" +
         a.new_time.value_or("");
}

/// Delivers `reply` and remembers a success for repeats of the same call.
void finish(session_actor* self, promise rp, const std::string& key, function_reply reply) {
  if (reply.success) self->state.outcomes[key] = reply;
  rp.deliver(std::move(reply));
}

/// A booked appointment that an earlier move put at `start` already (the repeat of that move).
bool already_there(const appointment_info& a, time_point start) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(start.time_since_epoch());
  return a.record.status == "booked" && a.record.rescheduled_from &&
         a.record.start_at == ms.count();
}

function_reply moved_reply(const session_state& st, const persistence::appointment_record& rec) {
  auto when =
      spoken_when(st.lang, local_of(st, time_point{std::chrono::milliseconds{rec.start_at}}));
  auto msg = say(st.lang, "Ihr Termin ist verschoben auf " + when + ".",
                 "Your appointment is moved to " + when + ".");
  return ok_reply(msg, {{"appointment_id", std::to_string(rec.id)},
                        {"start", iso_ms(st, rec.start_at)},
                        {"end", iso_ms(st, rec.end_at)}});
}

}  // namespace

void fn_cancel_appointment(session_actor* self, const function_args& a, promise rp) {
  auto key = outcome_key("cancel", a);
  if (auto it = self->state.outcomes.find(key); it != self->state.outcomes.end())
    return rp.deliver(it->second), void();
  auto day = a.old_date ? a.old_date : a.date;
  with_own_appointment(
      self, rp, a.appointment_id, day, "cancelled", [self, rp, key](appointment_info chosen) {
        cancel_request q{"", chosen.record.id, audit_of_call(self->state)};
        ask_booking<appointment_info>(
            self, rp,
            [self, rp, key](appointment_info& done) mutable {
              const auto& st = self->state;
              auto when = spoken_when(
                  st.lang,
                  local_of(st, time_point{std::chrono::milliseconds{done.record.start_at}}));
              auto msg = say(st.lang, "Ihr Termin " + when + " ist storniert.",
                             "Your appointment " + when + " is cancelled.");
              finish(self, rp, key,
                     ok_reply(msg, {{"appointment_id", std::to_string(done.record.id)},
                                    {"status", "cancelled"}}));
            },
            cancel_atom::value, std::move(q));
      });
}

void fn_reschedule_appointment(session_actor* self, const function_args& a, promise rp) {
  auto& st = self->state;
  auto key = outcome_key("resched", a);
  if (auto it = st.outcomes.find(key); it != st.outcomes.end())
    return rp.deliver(it->second), void();
  auto start =
      requested_start(st, a.new_date ? a.new_date : a.date, a.new_time ? a.new_time : a.time);
  if (!start) return rp.deliver(error_reply(st.lang, start.error())), void();
  auto t = *start;
  with_own_appointment(
      self, rp, a.appointment_id, a.old_date, "rescheduled",
      [self, rp, key, t](appointment_info chosen) {
        if (already_there(chosen, t))
          return finish(self, rp, key, moved_reply(self->state, chosen.record));
        reschedule_request q{"", chosen.record.id, t, std::nullopt, 3, audit_of_call(self->state)};
        ask_booking<book_reply>(
            self, rp,
            [self, rp, key](book_reply& r) mutable {
              const auto& st = self->state;
              if (!r.booked || !r.appointment) {
                auto code = status_code(r.status);
                return rp.deliver(fail_reply(st.lang, code, {},
                                             {{"alternatives", slots_json(st, r.alternatives)}})),
                       void();
              }
              finish(self, rp, key, moved_reply(st, r.appointment->record));
            },
            resched_atom::value, std::move(q));
      });
}

}  // namespace askpro::actors::call
