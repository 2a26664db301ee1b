#include "actors/booking/booking_actor.hpp"

#include "actors/booking/booking_internal.hpp"
#include "actors/booking/messages.hpp"
#include "runtime/atoms.hpp"
#include "runtime/inspect.hpp"

#include <caf/all.hpp>
#include <nlohmann/json.hpp>

#include <memory>

namespace askpro::actors::booking {
namespace detail {

namespace {

/// Runs queued writes one at a time. A job that finishes synchronously (an early error) lets
/// the loop take the next one; a job that sent a request resumes the queue from its `done`.
void run_next(booking_actor* self) {
  auto& st = self->state;
  while (!st.queue.empty()) {
    st.in_flight = true;
    auto job = std::move(st.queue.front());
    st.queue.pop_front();
    ++st.writes;
    auto finished = std::make_shared<int>(0);  // 0 running, 1 done synchronously, 2 pending
    job([self, finished] {
      if (*finished == 0)
        *finished = 1;
      else
        run_next(self);
    });
    if (*finished == 0) {
      *finished = 2;
      return;
    }
  }
  st.in_flight = false;
}

}  // namespace

void enqueue(booking_actor* self, caf::response_promise rp, write_job job) {
  auto& st = self->state;
  if (st.queue.size() >= st.cfg.max_queue) {
    rp.deliver(make_error(errc::unavailable, "booking queue full"));
    return;
  }
  st.queue.push_back(std::move(job));
  if (!st.in_flight) run_next(self);
}

}  // namespace detail

namespace {

using namespace detail;
using namespace calendar;

std::string inspect_json(const booking_state& st) {
  nlohmann::json j{{"tenant", st.cfg.model->slug},
                   {"loaded_at", runtime::format_utc(st.loaded_at)},
                   {"last_activity", runtime::format_utc(st.last_activity)},
                   {"queue", st.queue.size()},
                   {"in_flight", st.in_flight},
                   {"requests", st.requests},
                   {"writes", st.writes}};
  return j.dump();
}

/// Marks activity and gives a promise for the current request.
caf::response_promise start(booking_actor* self) {
  self->state.last_activity = self->state.cfg.clock->now();
  ++self->state.requests;
  return self->make_response_promise();
}

void book(booking_actor* self, book_request req, caf::response_promise rp) {
  enqueue(self, rp, [self, req, rp](std::function<void()> done) {
    with_customer(self, req, rp, done, [self, rp, done](book_request ready) {
      auto branch = ready.branch;
      relay<book_reply>(self, branch, rp, done, book_atom::value, std::move(ready));
    });
  });
}

void cancel(booking_actor* self, cancel_request req, caf::response_promise rp) {
  enqueue(self, rp, [self, req, rp](std::function<void()> done) {
    with_branch_of(self, req.branch, req.appointment_id, rp, done,
                   [self, req, rp, done](std::string branch) mutable {
                     req.branch = branch;
                     relay<appointment_info>(self, branch, rp, done, cancel_atom::value, req);
                   });
  });
}

void reschedule(booking_actor* self, reschedule_request req, caf::response_promise rp) {
  enqueue(self, rp, [self, req, rp](std::function<void()> done) {
    with_branch_of(self, req.branch, req.appointment_id, rp, done,
                   [self, req, rp, done](std::string branch) mutable {
                     req.branch = branch;
                     relay<book_reply>(self, branch, rp, done, resched_atom::value, req);
                   });
  });
}

void appointments(booking_actor* self, appointments_query q, caf::response_promise rp) {
  auto forward = [self, rp](appointments_query ready) {
    relay<std::vector<appointment_info>>(
        self, ready.branch, rp, [] {}, appts_atom::value, ready);
  };
  if (q.branch.empty())
    q.branch = self->state.cfg.model->branches.empty()
                   ? std::string{}
                   : self->state.cfg.model->branches.front().slug;
  if (q.customer_id || !q.customer_phone) return forward(std::move(q));
  find_customer_id(self, *q.customer_phone, rp,
                   [rp, q, forward](std::optional<int64_t> id) mutable {
                     if (!id) return rp.deliver(std::vector<appointment_info>{}), void();
                     q.customer_id = id;
                     forward(std::move(q));
                   });
}

caf::behavior booking_behavior(booking_actor* self, booking_config cfg) {
  self->state.cfg = std::move(cfg);
  self->state.loaded_at = self->state.last_activity = self->state.cfg.clock->now();
  auto none = [] {};
  return {
      [=](avail_atom, availability_query& q) {
        auto rp = start(self);
        auto branch = q.branch;  // read before q is moved into the message
        relay<availability_reply>(self, branch, rp, none, avail_atom::value, std::move(q));
        return rp;
      },
      [=](check_atom, check_query& q) {
        auto rp = start(self);
        auto branch = q.branch;  // read before q is moved into the message
        relay<check_reply>(self, branch, rp, none, check_atom::value, std::move(q));
        return rp;
      },
      [=](book_atom, book_request& q) {
        auto rp = start(self);
        book(self, std::move(q), rp);
        return rp;
      },
      [=](reserve_atom, reserve_request& q) {
        auto rp = start(self);
        enqueue(self, rp, [self, q, rp](std::function<void()> done) {
          relay<reserve_reply>(self, q.branch, rp, done, reserve_atom::value, q);
        });
        return rp;
      },
      [=](release_atom, release_request& q) {
        auto rp = start(self);
        enqueue(self, rp, [self, q, rp](std::function<void()> done) {
          relay<caf::ok_atom>(self, q.branch, rp, done, release_atom::value, q);
        });
        return rp;
      },
      [=](cancel_atom, cancel_request& q) {
        auto rp = start(self);
        cancel(self, std::move(q), rp);
        return rp;
      },
      [=](resched_atom, reschedule_request& q) {
        auto rp = start(self);
        reschedule(self, std::move(q), rp);
        return rp;
      },
      [=](appts_atom, appointments_query& q) {
        auto rp = start(self);
        appointments(self, std::move(q), rp);
        return rp;
      },
      [=](activity_atom) -> int64_t {
        const auto& st = self->state;
        bool busy = st.in_flight || !st.queue.empty();
        return runtime::to_unix_ms(busy ? st.cfg.clock->now() : st.last_activity);
      },
      [=](runtime::inspect_atom) { return inspect_json(self->state); },
  };
}

}  // namespace

runtime::start_fn booking_actor_start(booking_config cfg) {
  return [cfg](caf::actor_system& sys, const std::string&, const caf::message&) {
    return sys.spawn(booking_behavior, cfg);
  };
}

}  // namespace askpro::actors::booking
