// The writing flows of the internal provider: book, reserve and reschedule. Each one checks
// with the engine first (a clear rule status without touching the database's write path), then
// runs the repository transaction that re-checks overlap under the staff lock; a `taken` from
// the database answers slot_taken with alternatives over freshly loaded busy time.
#include "actors/calendar/provider_internal.hpp"
#include "actors/observe/business_metrics.hpp"

namespace askpro::actors::calendar::detail {
namespace {

using persistence::access;
using persistence::appointment_record;
using persistence::busy_record;
using persistence::claim_outcome;
using persistence::connection;
using persistence::reservation_record;

/// What the engine says about `start` for `what` over busy rows without the ones `skip` names.
struct verdict {
  check_status status = check_status::outside_hours;
  std::optional<slot> free_slot;
  std::vector<slot> alternatives;
};

Result<verdict> judge(provider_state& st, const std::vector<busy_record>& rows,
                      const resolved& what, time_point start, std::size_t n,
                      const std::function<bool(const busy_record&)>& skip = {}) {
  auto index = make_index(*st.branch, rows, skip);
  auto ctx = context_of(st, index);
  booking::service_request req{*what.svc, what.staff};
  auto c = booking::check(ctx, req, start);
  if (!c) return std::move(c.error());
  verdict v{c->status, c->free_slot, {}};
  if (c->status == check_status::slot_taken) {
    auto alts = booking::alternatives(ctx, req, start, n);
    if (!alts) return std::move(alts.error());
    v.alternatives = std::move(*alts);
  }
  return v;
}

/// Who carries an idempotent repeat to the repository: the named staff member, or with "any
/// staff" the first who performs the service (the repository answers a known request key before
/// it looks at the staff member, and otherwise finds the slot taken under the lock).
std::optional<std::string> repeat_carrier(const provider_state& st, const resolved& what) {
  if (what.staff) return what.staff;
  for (const auto& m : st.branch->staff)
    if (m.performs(what.svc->slug)) return m.slug;
  return std::nullopt;
}

/// The slot to write: the engine's choice, or (when the engine saw it taken but the request is
/// idempotent) the slot of `repeat_carrier`, so a repeat finds its first booking.
std::optional<slot> slot_to_write(const provider_state& st, const book_request& req,
                                  const resolved& what, const verdict& v) {
  if (v.free_slot) return v.free_slot;
  if (v.status != check_status::slot_taken || !req.request_key) return {};
  auto carrier = repeat_carrier(st, what);
  if (!carrier) return {};
  return slot{req.start, req.start + what.svc->duration, *carrier};
}

void commit_booking(provider_actor* self, book_request req, resolved what, slot s,
                    caf::response_promise rp) {
  auto& st = self->state;
  auto repo_req = to_repo(st, req, what, s);
  auto scope = st.scope();
  auto now = to_ms(st.now());
  db_step<claim_outcome<appointment_record>>(
      self, access::write, rp,
      [scope, repo_req, now](connection& c) { return persistence::book(c, scope, repo_req, now); },
      [self, rp, req, what](claim_outcome<appointment_record>& out) mutable {
        auto& st = self->state;
        if (out.taken) {
          ++st.taken;
          book_reply reply;
          reply.status = check_status::slot_taken;
          return reply_with_alternatives(self, rp, what, req.start, req.alternatives, reply);
        }
        ++st.booked;
        if (!out.existing) observe::count_booking(st.cfg.model->slug, req.source);
        book_reply reply{
            true, out.existing, check_status::free, info_of(*st.cfg.model, out.record), {}};
        rp.deliver(std::move(reply));
      });
}

}  // namespace

void handle_book(provider_actor* self, book_request req, caf::response_promise rp) {
  ++self->state.requests;
  auto what = resolve(self->state, req.service, req.staff);
  if (!what) return fail(self, rp, std::move(what.error()));
  auto [from, to] = engine_window(self->state);
  with_busy(self, from, to, rp,
            [self, rp, req, what = *what](std::vector<busy_record>& rows) mutable {
              auto& st = self->state;
              // A hold being converted does not block its own booking.
              auto own_hold = [&req](const busy_record& r) {
                return req.reservation_id && r.expires_at && r.start_at == to_ms(req.start);
              };
              auto v = judge(st, rows, what, req.start, req.alternatives, own_hold);
              if (!v) return fail(self, rp, std::move(v.error()));
              auto s = slot_to_write(st, req, what, *v);
              if (!s) {
                if (v->status == check_status::slot_taken) ++st.taken;
                return rp.deliver(book_reply{false, false, v->status, {}, v->alternatives});
              }
              commit_booking(self, req, what, *s, rp);
            });
}

namespace {

/// Expires the hold on time (a message to self at the real TTL; the sweep and the repository's
/// own `expires_at` checks keep this from mattering for correctness).
void schedule_expiry(provider_actor* self) {
  self->delayed_send(self, self->state.cfg.model->rules.reservation_ttl, expire_atom::value);
}

void commit_reservation(provider_actor* self, reserve_request req, resolved what, slot s,
                        caf::response_promise rp) {
  auto& st = self->state;
  auto repo_req = to_repo(st, req, what, s);
  auto scope = st.scope();
  auto now = to_ms(st.now());
  db_step<claim_outcome<reservation_record>>(
      self, access::write, rp,
      [scope, repo_req, now](connection& c) {
        return persistence::reserve(c, scope, repo_req, now);
      },
      [self, rp, req, what](claim_outcome<reservation_record>& out) mutable {
        auto& st = self->state;
        if (out.taken) {
          ++st.taken;
          reserve_reply reply;
          reply.status = check_status::slot_taken;
          return reply_with_alternatives(self, rp, what, req.start, req.alternatives, reply);
        }
        schedule_expiry(self);
        rp.deliver(reserve_reply{true, check_status::free, info_of(*st.cfg.model, out.record), {}});
      });
}

}  // namespace

void handle_reserve(provider_actor* self, reserve_request req, caf::response_promise rp) {
  ++self->state.requests;
  auto what = resolve(self->state, req.service, req.staff);
  if (!what) return fail(self, rp, std::move(what.error()));
  auto [from, to] = engine_window(self->state);
  with_busy(self, from, to, rp,
            [self, rp, req, what = *what](std::vector<busy_record>& rows) mutable {
              auto v = judge(self->state, rows, what, req.start, req.alternatives);
              if (!v) return fail(self, rp, std::move(v.error()));
              if (!v->free_slot)
                return rp.deliver(reserve_reply{false, v->status, {}, v->alternatives});
              commit_reservation(self, req, what, *v->free_slot, rp);
            });
}

}  // namespace askpro::actors::calendar::detail
