#include "actors/calendar/remote_provider.hpp"

#include "actors/calendar/remote_internal.hpp"
#include "runtime/atoms.hpp"
#include "runtime/breaker.hpp"

#include <caf/all.hpp>
#include <nlohmann/json.hpp>

namespace askpro::actors::calendar {
namespace {

using namespace detail;

void answer_availability(provider_actor* self, availability_query q, caf::response_promise rp) {
  ++self->state.requests;
  auto what = resolve(self->state, q.service, q.staff);
  if (!what) return fail(self, rp, std::move(what.error()));
  if (q.to <= q.from) return fail(self, rp, make_error(errc::invalid_argument, "empty date range"));
  auto from = local_midnight_ms(self->state, q.from);
  auto to = local_midnight_ms(self->state, q.to);
  with_slots(self, *what, from, to, false, rp, [rp, slug = what->svc->slug](auto& slots) mutable {
    rp.deliver(availability_reply{slug, std::move(slots)});
  });
}

void answer_check(provider_actor* self, check_query q, caf::response_promise rp) {
  ++self->state.requests;
  auto what = resolve(self->state, q.service, q.staff);
  if (!what) return fail(self, rp, std::move(what.error()));
  auto [from, to] = window_around(self->state, q.start);
  with_slots(self, *what, from, to, false, rp,
             [self, rp, q, slug = what->svc->slug](std::vector<slot>& slots) mutable {
               // `slots` already obey the tenant's rules: a refused start is never among them.
               check_reply reply{slug, check_status::slot_taken, std::nullopt, {}};
               if (auto refused = rule_refusal(self->state, q.start)) reply.status = *refused;
               for (const auto& s : slots)
                 if (s.start_utc == q.start) {
                   reply.status = check_status::free;
                   reply.free_slot = s;
                 }
               if (reply.status != check_status::free)
                 reply.alternatives = nearest(std::move(slots), q.start, q.alternatives);
               rp.deliver(std::move(reply));
             });
}

std::string inspect_json(const provider_state& st) {
  const auto& r = *st.remote;
  nlohmann::json j{{"provider", r.cfg.provider},
                   {"tenant", st.cfg.model->slug},
                   {"branch", st.branch->slug},
                   {"requests", st.requests},
                   {"booked", st.booked},
                   {"taken", st.taken},
                   {"errors", st.errors},
                   {"last_error", st.last_error},
                   {"remote_calls", r.calls},
                   {"remote_errors", r.remote_errors},
                   {"throttled", r.throttled},
                   {"cache",
                    {{"entries", r.cache.size()},
                     {"hits", r.cache.hits()},
                     {"misses", r.cache.misses()},
                     {"drops", r.cache.drops()}}}};
  return j.dump();
}

template <class Query, class Fn>
auto answer(provider_actor* self, Fn fn) {
  return [self, fn](Query& q) {
    auto rp = self->make_response_promise();
    fn(self, std::move(q), rp);
    return rp;
  };
}

caf::behavior remote_provider(provider_actor* self, provider_config cfg, remote_config remote) {
  self->state.cfg = std::move(cfg);
  self->state.branch = self->state.cfg.model->branch(self->state.cfg.branch);
  if (!self->state.branch || !remote.factory || !remote.gate) {
    self->quit(make_error(errc::config, "remote calendar without branch, client or gate"));
    return {};
  }
  self->state.remote = std::make_shared<remote_part>(remote);
  self->state.remote->worker =
      self->spawn<caf::detached + caf::linked>(remote_worker, remote, self->state.cfg.clock);
  return {
      [=](avail_atom, availability_query& q) {
        return answer<availability_query>(self, answer_availability)(q);
      },
      [=](check_atom, check_query& q) { return answer<check_query>(self, answer_check)(q); },
      [=](book_atom, book_request& q) { return answer<book_request>(self, remote_book)(q); },
      [=](reserve_atom, reserve_request& q) {
        return answer<reserve_request>(self, remote_reserve)(q);
      },
      [=](release_atom, release_request& q) {
        return answer<release_request>(self, answer_release)(q);
      },
      [=](cancel_atom, cancel_request& q) {
        return answer<cancel_request>(self, remote_cancel)(q);
      },
      [=](resched_atom, reschedule_request& q) {
        return answer<reschedule_request>(self, remote_reschedule)(q);
      },
      [=](appts_atom, appointments_query& q) {
        return answer<appointments_query>(self, answer_appointments)(q);
      },
      [=](invalidate_atom) { changed(self); },
      [=](drop_atom) { self->state.remote->cache.clear(); },
      [=](runtime::inspect_atom) { return inspect_json(self->state); },
  };
}

}  // namespace

bool remote_is_failure(const caf::error& err) {
  if (code_of(err) == errc::calendar_unavailable && detail_of(err).rfind(throttled_prefix, 0) == 0)
    return false;
  return runtime::default_is_failure(err);
}

runtime::start_fn remote_provider_start(provider_config cfg, remote_config remote) {
  return [cfg, remote](caf::actor_system& sys, const std::string&, const caf::message&) {
    return sys.spawn(remote_provider, cfg, remote);
  };
}

}  // namespace askpro::actors::calendar
