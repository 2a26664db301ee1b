#pragma once
/// Internals of the call session (call_session.hpp): its state, context helpers, reply builders
/// and the function handlers, split over session_*.cpp. Include only from those files (pulls in
/// caf/all.hpp, nlohmann/json.hpp and date/tz.h).

#include "actors/booking/availability.hpp"
#include "actors/booking/model.hpp"
#include "actors/call/call_session.hpp"
#include "actors/call/functions.hpp"
#include "persistence/repo/audit_context.hpp"
// speech.hpp before spoken.hpp: its `struct spoken_when` is named in a template before
// spoken.hpp's function of the same name hides it.
#include "actors/call/speech.hpp"
#include "actors/call/spoken.hpp"
#include "persistence/db_client.hpp"
#include "persistence/repo/tenant_scope.hpp"

#include "runtime/counted_actor.hpp"

#include <date/tz.h>
#include <caf/all.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace askpro::actors::call {

using booking::time_point;

/// A slot this call holds (reserve_slot); a booking of the same start converts it.
struct held_slot {
  int64_t id = 0;
  time_point start{};
  std::string service, staff;
};

struct session_state {
  session_args args;
  const date::time_zone* zone = nullptr;
  std::string lang = "de";                         ///< "de" | "en"
  std::map<std::string, function_reply> outcomes;  ///< repeated cancel / reschedule
  std::vector<held_slot> reservations;
  int64_t functions = 0;
  bool ended = false;
  static inline const char* name = "call_session";
};
using session_actor = runtime::counted_stateful<session_state>;
using promise = caf::response_promise;

// --- context (session_context.cpp) ---------------------------------------------------------

/// The branch's local date now.
date::year_month_day local_today(const session_state& st);
/// The instant of a local date and minute of day in the branch zone.
time_point local_instant(const session_state& st, date::year_month_day day, int minute);
/// The local date and minute of an instant.
local_when local_of(const session_state& st, time_point t);
/// ISO 8601 with the branch offset.
std::string iso(const session_state& st, time_point t);
/// ISO of Unix milliseconds.
std::string iso_ms(const session_state& st, int64_t ms);
/// The requested start from date and time arguments (the speech parser's error codes as
/// errc::invalid_argument details).
Result<time_point> requested_start(const session_state& st, const std::optional<std::string>& day,
                                   const std::optional<std::string>& time);
/// The caller's number, nullopt when missing or suppressed.
std::optional<std::string> caller_phone(const session_state& st);
/// The caller's number in E.164 (the tenant's country), nullopt when missing, suppressed or
/// not a phone number.
std::optional<std::string> caller_e164(const session_state& st);
/// The tenant's scope for repository calls (the model was loaded for this company).
persistence::tenant_scope scope_of(const session_state& st);
/// The tenant's booking actor (looked up per use, so restarts are picked up).
caf::actor booking_actor(const session_state& st);
/// A service slug's display name (the slug when unknown).
std::string service_name(const session_state& st, const std::string& slug);
/// [{start, end, staff}] of slots.
nlohmann::json slots_json(const session_state& st, const std::vector<booking::slot>& slots);
/// The slots as local times for spoken_choices.
std::vector<local_when> slot_times(const session_state& st, const std::vector<booking::slot>& s);

// --- replies (session_replies.cpp) ---------------------------------------------------------

function_reply ok_reply(std::string message, const nlohmann::json& data);
/// A failure with the code's standard sentence in `lang` (or `message` when given).
function_reply fail_reply(const std::string& lang, const std::string& code,
                          std::string message = {}, const nlohmann::json& data = {});
/// Any error on the way (speech parser, booking actor, timeout) as a speakable failure.
function_reply error_reply(const std::string& lang, const caf::error& err);
/// The contract code of a rule outcome (slot_taken, outside_hours, in_past, too_soon).
std::string status_code(booking::check_status status);
/// Picks the German or English text.
inline std::string say(const std::string& lang, std::string de, std::string en) {
  return lang == "de" ? de : en;
}

// --- handlers ------------------------------------------------------------------------------

using handler_fn = void (*)(session_actor*, const function_args&, promise);

void fn_current_context(session_actor* self, const function_args& a, promise rp);
void fn_parse_date(session_actor* self, const function_args& a, promise rp);
void fn_list_services(session_actor* self, const function_args& a, promise rp);
void fn_check_availability(session_actor* self, const function_args& a, promise rp);
void fn_find_next_available(session_actor* self, const function_args& a, promise rp);
void fn_reserve_slot(session_actor* self, const function_args& a, promise rp);
void fn_book_appointment(session_actor* self, const function_args& a, promise rp);
void fn_query_appointment(session_actor* self, const function_args& a, promise rp);
void fn_cancel_appointment(session_actor* self, const function_args& a, promise rp);

/// Who a change made during the call is recorded as in the audit trail: the caller (by number,
/// which persistence stores as its blind index), else the call; the call id correlates.
inline persistence::audit_context audit_of_call(const session_state& st) {
  auto number = caller_e164(st);
  return {number ? "caller:" + *number : "call:" + st.args.call_id, st.args.call_id};
}
void fn_reschedule_appointment(session_actor* self, const function_args& a, promise rp);
void fn_check_customer(session_actor* self, const function_args& a, promise rp);
void fn_opening_hours(session_actor* self, const function_args& a, promise rp);
void fn_release_reservation(session_actor* self, const function_args& a, promise rp);
void fn_collect_appointment(session_actor* self, const function_args& a, promise rp);
void fn_request_callback(session_actor* self, const function_args& a, promise rp);

/// Sends `msg` to the booking actor with the session's timeout; `on_value` gets the reply,
/// every error becomes an error_reply on `rp`.
template <class T, class F, class... Ts>
void ask_booking(session_actor* self, promise rp, F on_value, Ts&&... xs) {
  auto dest = booking_actor(self->state);
  auto lang = self->state.lang;
  if (!dest) {
    rp.deliver(fail_reply(lang, "calendar_unavailable"));
    return;
  }
  self->request(dest, self->state.args.booking_timeout, std::forward<Ts>(xs)...)
      .then([rp, on_value](T& value) mutable { on_value(value); },
            [rp, lang](caf::error& err) mutable { rp.deliver(error_reply(lang, err)); });
}

/// Runs `fn` (persistence::connection& -> Result<T>) on /db with the session's timeout;
/// `on_value` gets the value, every error (database, timeout, /db not running) becomes an
/// error_reply on `rp`. `fn` must not capture session state by reference.
template <class T, class Fn, class F>
void ask_db(session_actor* self, promise rp, persistence::access mode, Fn fn, F on_value) {
  auto db = self->state.args.registry->actor_at("/db");
  auto lang = self->state.lang;
  if (!db) {
    rp.deliver(fail_reply(lang, "calendar_unavailable"));
    return;
  }
  persistence::request_db<T>(self, db, mode, self->state.args.booking_timeout, std::move(fn))
      .then([rp, on_value](persistence::db_reply_t<T>& value) mutable { on_value(value); },
            [rp, lang](caf::error& err) mutable { rp.deliver(error_reply(lang, err)); });
}

}  // namespace askpro::actors::call
