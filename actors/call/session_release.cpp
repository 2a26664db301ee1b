// release_slot_reservation: frees a hold this call made. Whose hold it is comes from the
// database (the reservation's call id), so it holds also after the session was rebuilt.
#include "actors/calendar/protocol.hpp"
#include "actors/call/session_internal.hpp"
#include "persistence/repo/booking_repo.hpp"

#include <algorithm>
#include <charconv>

namespace askpro::actors::call {
namespace {

using persistence::reservation_record;

std::optional<int64_t> id_of(const std::string& text) {
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc{} || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

/// The id named, or this session's only hold.
std::optional<int64_t> wanted(const session_state& st, const function_args& a) {
  if (a.reservation_id) return id_of(*a.reservation_id);
  if (st.reservations.size() == 1) return st.reservations.front().id;
  return std::nullopt;
}

function_reply released(session_actor* self, int64_t id) {
  auto& st = self->state;
  auto& held = st.reservations;
  held.erase(std::remove_if(held.begin(), held.end(), [id](auto& h) { return h.id == id; }),
             held.end());
  return ok_reply(
      say(st.lang, "Ich habe die Reservierung freigegeben.", "I have released the reservation."),
      {{"reservation_id", std::to_string(id)}, {"status", "released"}});
}

void release_held(session_actor* self, promise rp, int64_t id) {
  calendar::release_request q{self->state.args.branch, id};
  ask_booking<caf::ok_atom>(
      self, rp, [self, rp, id](caf::ok_atom) mutable { rp.deliver(released(self, id)); },
      calendar::release_atom::value, std::move(q));
}

}  // namespace

void fn_release_reservation(session_actor* self, const function_args& a, promise rp) {
  auto& st = self->state;
  if (!a.reservation_id && st.reservations.size() > 1)
    return rp.deliver(fail_reply(st.lang, "invalid_argument")), void();
  auto id = wanted(st, a);
  if (!id) return rp.deliver(fail_reply(st.lang, "not_found")), void();
  auto scope = scope_of(st);
  ask_db<std::optional<reservation_record>>(
      self, rp, persistence::access::read,
      [scope, id = *id](persistence::connection& c) {
        return persistence::find_reservation(c, scope, id);
      },
      [self, rp, id = *id](std::optional<reservation_record>& r) mutable {
        auto& st = self->state;
        if (!r) return rp.deliver(fail_reply(st.lang, "not_found")), void();
        if (r->call_id != st.args.call_id)
          return rp.deliver(fail_reply(st.lang, "not_yours")), void();
        if (r->status == "held") return release_held(self, rp, id);
        if (r->status == "released" || r->status == "expired")
          return rp.deliver(released(self, id)), void();  // a repeat: the same outcome
        rp.deliver(fail_reply(st.lang, "invalid_argument",
                              say(st.lang, "Dieser Termin ist bereits gebucht.",
                                  "That time is already booked for you.")));
      });
}

}  // namespace askpro::actors::call
