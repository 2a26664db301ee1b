// Rescheduling through the internal provider: the appointment's own time does not block its
// move; the engine judges the new start for the same (or the named) staff member, then the
// repository moves it in one transaction (both rows or neither).
#include "actors/calendar/provider_internal.hpp"

namespace askpro::actors::calendar::detail {
namespace {

using persistence::access;
using persistence::appointment_record;
using persistence::busy_record;
using persistence::claim_outcome;
using persistence::connection;

/// Moves the appointment to `repo_req`; a `taken` answers slot_taken with alternatives when the
/// service is known (`what.svc`), without them otherwise.
void commit_move(provider_actor* self, reschedule_request req, resolved what,
                 persistence::reschedule_request repo_req, caf::response_promise rp) {
  auto& st = self->state;
  auto scope = st.scope();
  auto now = to_ms(st.now());
  repo_req.outbox = outbox_of(st, notify::appointment_event::rescheduled);
  repo_req.audit = req.audit;
  db_step<claim_outcome<appointment_record>>(
      self, access::write, rp,
      [scope, repo_req, now](connection& c) {
        return persistence::reschedule_appointment(c, scope, repo_req, now);
      },
      [self, rp, req, what](claim_outcome<appointment_record>& out) mutable {
        auto& st = self->state;
        if (out.taken) {
          ++st.taken;
          book_reply reply;
          reply.status = check_status::slot_taken;
          if (!what.svc) return rp.deliver(std::move(reply));
          return reply_with_alternatives(self, rp, what, req.start, req.alternatives, reply);
        }
        rp.deliver(book_reply{
            true, out.existing, check_status::free, info_of(*st.cfg.model, out.record), {}});
      });
}

/// Judges the new start without the appointment's own block, then moves it.
void judge_move(provider_actor* self, reschedule_request req, appointment_record old,
                caf::response_promise rp) {
  auto& st = self->state;
  auto svc_slug = st.cfg.model->service_slugs.find(old.service_id);
  auto staff_slug = st.branch->staff_slugs.find(old.staff_id);
  if (svc_slug == st.cfg.model->service_slugs.end() || staff_slug == st.branch->staff_slugs.end())
    return fail(self, rp, make_error(errc::not_found, "service or staff no longer offered here"));
  auto what = resolve(st, svc_slug->second, req.staff ? req.staff : staff_slug->second);
  if (!what) return fail(self, rp, std::move(what.error()));
  auto [from, to] = engine_window(st);
  with_busy(self, from, to, rp,
            [self, rp, req, old, what = *what](std::vector<busy_record>& rows) mutable {
              auto own = [&old](const busy_record& r) {
                return !r.expires_at && r.staff_id == old.staff_id && r.start_at == old.start_at &&
                       r.end_at == old.end_at;
              };
              auto index = make_index(*self->state.branch, rows, own);
              auto ctx = context_of(self->state, index);
              booking::service_request sreq{*what.svc, what.staff};
              auto c = booking::check(ctx, sreq, req.start);
              if (!c) return fail(self, rp, std::move(c.error()));
              if (c->free_slot) {
                persistence::reschedule_request move{
                    req.appointment_id,           0,  to_ms(c->free_slot->start_utc),
                    to_ms(c->free_slot->end_utc), {}, true};
                const int64_t staff_id = self->state.branch->staff_ids.at(c->free_slot->staff);
                if (staff_id != old.staff_id) move.staff_id = staff_id;
                return commit_move(self, req, what, move, rp);
              }
              book_reply reply{false, false, c->status, {}, {}};
              if (c->status != check_status::slot_taken) return rp.deliver(std::move(reply));
              ++self->state.taken;
              auto alts = booking::alternatives(ctx, sreq, req.start, req.alternatives);
              if (alts) reply.alternatives = std::move(*alts);
              rp.deliver(std::move(reply));
            });
}

}  // namespace

void handle_reschedule(provider_actor* self, reschedule_request req, caf::response_promise rp) {
  ++self->state.requests;
  auto scope = self->state.scope();
  const int64_t id = req.appointment_id;
  db_step<std::optional<appointment_record>>(
      self, access::read, rp,
      [scope, id](connection& c) { return persistence::find_appointment(c, scope, id); },
      [self, rp, req](std::optional<appointment_record>& old) mutable {
        if (!old) return fail(self, rp, make_error(errc::not_found, "no such appointment"));
        if (old->branch_id != self->state.branch->id)
          return fail(self, rp,
                      make_error(errc::invalid_argument, "appointment of another branch"));
        if (old->status == "booked") return judge_move(self, req, *old, rp);
        // Already moved or cancelled: the repository answers the idempotent repeat (same start)
        // or errc::conflict; the engine has nothing to judge.
        const int64_t start = to_ms(req.start);
        persistence::reschedule_request move{
            req.appointment_id, 0, start, start + (old->end_at - old->start_at), {}, true};
        commit_move(self, req, resolved{}, move, rp);
      });
}

}  // namespace askpro::actors::calendar::detail
