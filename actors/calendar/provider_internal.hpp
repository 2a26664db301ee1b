#pragma once
/// Internals of the internal provider (internal_provider.hpp), shared by its source files:
/// the actor state, resolving names against the branch, building the engine's busy index from
/// repository rows, and the one helper that runs a /db step and fails the promise on error.
/// Thread-safety: used only inside the provider actor's handlers.

#include "actors/booking/availability.hpp"
#include "actors/booking/busy_index.hpp"
#include "actors/calendar/internal_provider.hpp"
#include "actors/calendar/protocol.hpp"
#include "actors/notify/outbox.hpp"
#include "persistence/db_client.hpp"
#include "persistence/repo/booking_repo.hpp"
#include "persistence/repo/customer_repo.hpp"
#include "persistence/repo/tenant_scope.hpp"

#include "runtime/counted_actor.hpp"

#include <caf/event_based_actor.hpp>
#include <caf/response_promise.hpp>
#include <caf/stateful_actor.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace askpro::actors::calendar::detail {

/// Internal: expire held reservations now (a timer message to self).
using expire_atom = caf::atom_constant<caf::atom("expire")>;

struct remote_part;  // remote_internal.hpp: set for connections to an external calendar

struct provider_state {
  provider_config cfg;
  std::shared_ptr<remote_part> remote;
  const tenant::branch_model* branch = nullptr;  ///< points into *cfg.model
  int64_t requests = 0, booked = 0, taken = 0, errors = 0;
  std::string last_error;
  static inline const char* name = "calendar";

  persistence::tenant_scope scope() const {
    return persistence::tenant_scope{cfg.model->company_id};
  }
  time_point now() const { return cfg.clock->now(); }
};
using provider_actor = runtime::counted_stateful<provider_state>;

/// A request's service and staff resolved against the branch.
struct resolved {
  const booking::service* svc = nullptr;
  int64_t service_id = 0;
  std::optional<std::string> staff;  ///< staff slug
};

/// Errors: errc::not_found (service or staff unknown here), errc::conflict (ambiguous name).
[[nodiscard]] Result<resolved> resolve(const provider_state& st, const std::string& service,
                                       const std::optional<std::string>& staff);

int64_t to_ms(time_point t);
time_point from_ms(int64_t ms);

/// The window loaded before a check, a booking or alternatives: [now - 1 day, now + horizon +
/// 2 days) in Unix ms.
std::pair<int64_t, int64_t> engine_window(const provider_state& st);

/// The busy index of the branch from repository rows; rows for which `skip` is true are left
/// out (the appointment being moved, the hold being converted).
booking::busy_index make_index(
    const tenant::branch_model& branch, const std::vector<persistence::busy_record>& rows,
    const std::function<bool(const persistence::busy_record&)>& skip = {});

/// The engine's context over `index` (which must outlive the returned value).
booking::availability_context context_of(const provider_state& st,
                                         const booking::busy_index& index);

/// The repository's booking / hold of slot `s` for a resolved request.
persistence::booking_request to_repo(const provider_state& st, const book_request& req,
                                     const resolved& what, const slot& s);
persistence::reservation_request to_repo(const provider_state& st, const reserve_request& req,
                                         const resolved& what, const slot& s);

/// The messages a change of this connection enqueues with it (notify/outbox.hpp).
persistence::appointment_outbox outbox_of(const provider_state& st, notify::appointment_event e);

/// Cancels the tenant's appointment `id` in the database (with its cancellation notice) and
/// delivers the row.
void cancel_row(provider_actor* self, int64_t id, const persistence::audit_context& who,
                caf::response_promise rp);

appointment_info info_of(const tenant::tenant_model& m, const persistence::appointment_record& r);
reservation_info info_of(const tenant::tenant_model& m, const persistence::reservation_record& r);

/// Counts and records `err` (its code only: details may name things) and delivers it.
void fail(provider_actor* self, caf::response_promise& rp, caf::error err);

/// Runs `fn` (connection& -> Result<T>) on /db and continues with `next(value)`; any error is
/// delivered to `rp`.
template <class T, class F, class Next>
void db_step(provider_actor* self, persistence::access mode, caf::response_promise rp, F fn,
             Next next) {
  auto db = self->state.cfg.registry->actor_at(self->state.cfg.db_path);
  if (!db) {
    fail(self, rp, make_error(errc::unavailable, "database not running"));
    return;
  }
  persistence::request_db<T>(self, db, mode, self->state.cfg.db_timeout, std::move(fn))
      .then([next](persistence::db_reply_t<T>& value) mutable { next(value); },
            [self, rp](caf::error& err) mutable { fail(self, rp, std::move(err)); });
}

/// Loads the busy rows of the branch for [from, to) and continues with `next(rows)`.
void with_busy(provider_actor* self, int64_t from, int64_t to, caf::response_promise rp,
               std::function<void(std::vector<persistence::busy_record>&)> next);

/// Up to `n` alternatives near `start` over freshly loaded busy time; delivers `reply` with them.
template <class Reply>
void reply_with_alternatives(provider_actor* self, caf::response_promise rp, resolved what,
                             time_point start, std::size_t n, Reply reply) {
  auto [from, to] = engine_window(self->state);
  with_busy(self, from, to, rp,
            [self, rp, what, start, n, reply](std::vector<persistence::busy_record>& rows) mutable {
              auto index = make_index(*self->state.branch, rows);
              auto alts = booking::alternatives(context_of(self->state, index),
                                                {*what.svc, what.staff}, start, n);
              if (!alts) return fail(self, rp, std::move(alts.error()));
              reply.alternatives = std::move(*alts);
              rp.deliver(std::move(reply));
            });
}

/// Flows both providers share: the customer's appointments, releasing a hold (local rows).
void answer_appointments(provider_actor* self, appointments_query q, caf::response_promise rp);
void answer_release(provider_actor* self, release_request q, caf::response_promise rp);

void handle_book(provider_actor* self, book_request req, caf::response_promise rp);
void handle_reserve(provider_actor* self, reserve_request req, caf::response_promise rp);
void handle_reschedule(provider_actor* self, reschedule_request req, caf::response_promise rp);

}  // namespace askpro::actors::calendar::detail
