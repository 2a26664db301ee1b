#pragma once
/// Internals of the booking actor (booking_actor.hpp) shared by its source files.
/// Thread-safety: used only inside the booking actor's handlers.

#include "actors/booking/booking_actor.hpp"
#include "actors/calendar/protocol.hpp"
#include "persistence/repo/booking_repo.hpp"
#include "persistence/repo/customer_repo.hpp"

#include "runtime/counted_actor.hpp"

#include <caf/event_based_actor.hpp>
#include <caf/response_promise.hpp>
#include <caf/stateful_actor.hpp>

#include <deque>
#include <functional>
#include <string>

namespace askpro::actors::booking::detail {

/// A queued write: runs, and calls `done` exactly once when its answer is delivered.
using write_job = std::function<void(std::function<void()> done)>;

struct booking_state {
  booking_config cfg;
  std::deque<write_job> queue;
  bool in_flight = false;
  time_point loaded_at{}, last_activity{};
  int64_t requests = 0, writes = 0;
  static inline const char* name = "booking";
};
using booking_actor = runtime::counted_stateful<booking_state>;

/// The connection (its breaker) of `branch` ("" = the tenant's only branch).
/// Errors: errc::not_found (unknown branch), errc::calendar_unavailable (not running).
[[nodiscard]] Result<caf::actor> calendar_of(booking_actor* self, const std::string& branch);

/// Sends `(atom, msg)` to the branch's connection and delivers its `Reply` (or error) to `rp`,
/// then calls `done`.
template <class Reply, class Atom, class Msg>
void relay(booking_actor* self, const std::string& branch, caf::response_promise rp,
           std::function<void()> done, Atom atom, Msg msg) {
  auto cal = calendar_of(self, branch);
  if (!cal) {
    rp.deliver(std::move(cal.error()));
    return done();
  }
  self->request(*cal, self->state.cfg.call_timeout, atom, std::move(msg))
      .then(
          [rp, done](Reply& reply) mutable {
            rp.deliver(std::move(reply));
            done();
          },
          [rp, done](caf::error& err) mutable {
            rp.deliver(std::move(err));
            done();
          });
}

/// Queues a write (or refuses it with errc::unavailable when the queue is full).
void enqueue(booking_actor* self, caf::response_promise rp, write_job job);

/// Fills `req.customer_id` from `req.customer_phone` (find or create), then `next(req)`;
/// errors go to `rp` and then `done`.
void with_customer(booking_actor* self, calendar::book_request req, caf::response_promise rp,
                   std::function<void()> done, std::function<void(calendar::book_request)> next);

/// The customer id for `phone` without creating one (nullopt when unknown), then `next`.
void find_customer_id(booking_actor* self, const std::string& phone, caf::response_promise rp,
                      std::function<void(std::optional<int64_t>)> next);

/// The branch slug of an appointment ("" given and several branches), then `next(slug)`.
void with_branch_of(booking_actor* self, std::string branch, int64_t appointment_id,
                    caf::response_promise rp, std::function<void()> done,
                    std::function<void(std::string)> next);

}  // namespace askpro::actors::booking::detail
