#include "actors/calendar/internal_provider.hpp"

#include "actors/calendar/provider_internal.hpp"
#include "runtime/atoms.hpp"

#include <caf/all.hpp>
#include <nlohmann/json.hpp>

namespace askpro::actors::calendar {
namespace {

using namespace detail;
using persistence::access;
using persistence::appointment_record;
using persistence::connection;

/// Periodic sweep of expired holds (a message to self, re-armed after each run).
using sweep_atom = caf::atom_constant<caf::atom("sweep")>;

void answer_availability(provider_actor* self, availability_query q, caf::response_promise rp) {
  ++self->state.requests;
  auto what = resolve(self->state, q.service, q.staff);
  if (!what) return fail(self, rp, std::move(what.error()));
  if (q.to <= q.from) return fail(self, rp, make_error(errc::invalid_argument, "empty date range"));
  // Local dates as if UTC, padded by two days: covers every zone offset and buffer.
  const auto pad = date::days{2};
  const int64_t from = to_ms(date::sys_days{(q.from - pad).time_since_epoch()});
  const int64_t to = to_ms(date::sys_days{(q.to + pad).time_since_epoch()});
  with_busy(self, from, to, rp, [self, rp, q, what = *what](auto& rows) mutable {
    auto index = make_index(*self->state.branch, rows);
    auto slots =
        booking::slots(context_of(self->state, index), {*what.svc, what.staff}, q.from, q.to);
    if (!slots) return fail(self, rp, std::move(slots.error()));
    rp.deliver(availability_reply{what.svc->slug, std::move(*slots)});
  });
}

void answer_check(provider_actor* self, check_query q, caf::response_promise rp) {
  ++self->state.requests;
  auto what = resolve(self->state, q.service, q.staff);
  if (!what) return fail(self, rp, std::move(what.error()));
  auto [from, to] = engine_window(self->state);
  with_busy(self, from, to, rp, [self, rp, q, what = *what](auto& rows) mutable {
    auto index = make_index(*self->state.branch, rows);
    auto ctx = context_of(self->state, index);
    booking::service_request req{*what.svc, what.staff};
    auto c = booking::check(ctx, req, q.start);
    if (!c) return fail(self, rp, std::move(c.error()));
    check_reply reply{what.svc->slug, c->status, c->free_slot, {}};
    if (c->status != check_status::free && q.alternatives > 0) {
      auto alts = booking::alternatives(ctx, req, q.start, q.alternatives);
      if (!alts) return fail(self, rp, std::move(alts.error()));
      reply.alternatives = std::move(*alts);
    }
    rp.deliver(std::move(reply));
  });
}

void answer_cancel(provider_actor* self, cancel_request q, caf::response_promise rp) {
  ++self->state.requests;
  cancel_row(self, q.appointment_id, q.audit, std::move(rp));
}

/// Marks expired holds as expired (bookkeeping only; errors are counted, nobody waits).
void expire_holds(provider_actor* self) {
  auto db = self->state.cfg.registry->actor_at(self->state.cfg.db_path);
  if (!db) return;
  auto scope = self->state.scope();
  auto now = to_ms(self->state.now());
  persistence::request_db<int64_t>(
      self, db, access::write, self->state.cfg.db_timeout,
      [scope, now](connection& c) { return persistence::expire_reservations(c, scope, now); })
      .then([](int64_t) {},
            [self](caf::error& err) {
              ++self->state.errors;
              auto code = code_of(err);
              self->state.last_error = code ? to_string(*code) : "other";
            });
}

std::string inspect_json(const provider_state& st) {
  nlohmann::json j{{"provider", "internal"},     {"tenant", st.cfg.model->slug},
                   {"branch", st.branch->slug},  {"staff", st.branch->staff.size()},
                   {"requests", st.requests},    {"booked", st.booked},
                   {"taken", st.taken},          {"errors", st.errors},
                   {"last_error", st.last_error}};
  return j.dump();
}

caf::behavior provider(provider_actor* self, provider_config cfg) {
  self->state.cfg = std::move(cfg);
  self->state.branch = self->state.cfg.model->branch(self->state.cfg.branch);
  if (!self->state.branch) {
    self->quit(make_error(errc::not_found, "branch not in the tenant model"));
    return {};
  }
  self->delayed_send(self, self->state.cfg.sweep_interval, sweep_atom::value);
  auto promise = [self] { return self->make_response_promise(); };
  return {
      [=](avail_atom, availability_query& q) {
        auto rp = promise();
        answer_availability(self, std::move(q), rp);
        return rp;
      },
      [=](check_atom, check_query& q) {
        auto rp = promise();
        answer_check(self, std::move(q), rp);
        return rp;
      },
      [=](book_atom, book_request& q) {
        auto rp = promise();
        handle_book(self, std::move(q), rp);
        return rp;
      },
      [=](reserve_atom, reserve_request& q) {
        auto rp = promise();
        handle_reserve(self, std::move(q), rp);
        return rp;
      },
      [=](release_atom, release_request& q) {
        auto rp = promise();
        answer_release(self, std::move(q), rp);
        return rp;
      },
      [=](cancel_atom, cancel_request& q) {
        auto rp = promise();
        answer_cancel(self, std::move(q), rp);
        return rp;
      },
      [=](resched_atom, reschedule_request& q) {
        auto rp = promise();
        handle_reschedule(self, std::move(q), rp);
        return rp;
      },
      [=](appts_atom, appointments_query& q) {
        auto rp = promise();
        answer_appointments(self, std::move(q), rp);
        return rp;
      },
      [=](expire_atom) { expire_holds(self); },
      [=](sweep_atom) {
        expire_holds(self);
        self->delayed_send(self, self->state.cfg.sweep_interval, sweep_atom::value);
      },
      [=](runtime::inspect_atom) { return inspect_json(self->state); },
  };
}

}  // namespace

runtime::start_fn internal_provider_start(provider_config cfg) {
  return [cfg](caf::actor_system& sys, const std::string&, const caf::message&) {
    return sys.spawn(provider, cfg);
  };
}

}  // namespace askpro::actors::calendar
