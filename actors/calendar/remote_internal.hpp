#pragma once
/// Internals of the remote calendar connection (remote_provider.hpp), shared by its source
/// files: the worker protocol, the connection's remote part of the provider state, and the
/// flows' helpers. Thread-safety: used only inside the connection actor's handlers (the worker
/// runs on its own thread and shares nothing but messages and the thread-safe gate).

#include "actors/calendar/provider_internal.hpp"
#include "actors/calendar/remote_provider.hpp"
#include "actors/calendar/slot_cache.hpp"

#include <caf/actor.hpp>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace askpro::actors::calendar::detail {

/// One blocking request for the worker.
struct remote_op {
  enum class kind { slots, book, find, cancel, reschedule, invalidate } what = kind::slots;
  bool fresh = false;  ///< slots: not from the shared cache either
  remote_slots_query slots;
  remote_booking_input booking;
  std::string uid, key, reason;
  int64_t event_type_id = 0, from_ms = 0, to_ms = 0, start_ms = 0;
  /// Real time after which the op is not started any more (its caller has given up).
  std::chrono::steady_clock::time_point deadline;
};
struct remote_result {
  std::vector<int64_t> starts;
  std::optional<remote_booking> booking;
};

/// (remote_atom, remote_op) -> remote_result
using remote_atom = caf::atom_constant<caf::atom("remote")>;

/// The worker (spawn detached): owns the client made by `cfg.factory` and the shared cache made
/// by `cfg.shared`; answers slots from the shared cache when it can, passes the gate before
/// every request (waiting at most cfg.max_wait) and pauses it after a 429. `invalidate` drops the
/// shared cache (and tells the other nodes).
caf::behavior remote_worker(caf::event_based_actor* self, remote_config cfg,
                            runtime::clock_ptr clock);

/// The remote part of a connection's state.
struct remote_part {
  remote_config cfg;
  caf::actor worker;
  slot_cache cache;
  int64_t calls = 0, throttled = 0, remote_errors = 0;
  explicit remote_part(remote_config c) : cfg(std::move(c)), cache(cfg.cache_ttl) {}
};

/// Sends `op` to the worker; continues with `next(result)`. An error goes to `on_error` when
/// given and it returns true (handled), else it fails `rp`.
void remote_call(provider_actor* self, remote_op op, caf::response_promise rp,
                 std::function<void(remote_result&)> next,
                 std::function<bool(caf::error&)> on_error = {});

/// The event type of the resolved service; errc::not_found when it has none.
[[nodiscard]] Result<int64_t> event_type_of(const resolved& what);

/// The staff member a remote slot is given to: the requested one, else the first performer of
/// the service. errc::not_found when nobody performs it.
[[nodiscard]] Result<std::string> staff_for(const provider_state& st, const resolved& what);

/// The branch's time zone (the tenant's when the branch names none).
const std::string& zone_of(const provider_state& st);

/// Unix ms of local midnight of `day` in the branch's zone.
int64_t local_midnight_ms(const provider_state& st, date::local_days day);

/// The rule that forbids `start` (in_past, too_soon, beyond_horizon) or nullopt.
std::optional<check_status> rule_refusal(const provider_state& st, time_point start);

/// Bookable slots of `what` in [from_ms, to_ms): the account's starts (cached unless `fresh`)
/// that the tenant's rules allow, as slots of `staff_for`. Continues with `next(slots)`.
void with_slots(provider_actor* self, const resolved& what, int64_t from_ms, int64_t to_ms,
                bool fresh, caf::response_promise rp, std::function<void(std::vector<slot>&)> next);

/// The window a check or booking of `start` looks at: its local day − 1 to + 6 (aligned to
/// local days, so neighbouring questions share a cached answer).
std::pair<int64_t, int64_t> window_around(const provider_state& st, time_point start);

/// Up to `n` slots nearest to `start`, in time order.
std::vector<slot> nearest(std::vector<slot> slots, time_point start, std::size_t n);

/// The service's length in ms.
inline int64_t length_ms(const resolved& what) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(what.svc->duration).count();
}

/// Answers `reply` (not done, with its status set) with up to `n` alternatives near `start`
/// from the account's slots (`fresh`: not from the cache).
template <class Reply>
void refuse(provider_actor* self, caf::response_promise rp, const resolved& what, time_point start,
            std::size_t n, Reply reply, bool fresh) {
  auto [from, to] = window_around(self->state, start);
  with_slots(self, what, from, to, fresh, rp,
             [rp, start, n, reply](std::vector<slot>& slots) mutable {
               reply.alternatives = nearest(std::move(slots), start, n);
               rp.deliver(std::move(reply));
             });
}

/// The account refused the start: drops the cache and answers slot_taken with alternatives
/// from fresh slots.
void taken_there(provider_actor* self, caf::response_promise rp, const resolved& what,
                 time_point start, std::size_t n);

/// True (handled) for slot_taken after running `then`; other errors are not handled.
std::function<bool(caf::error&)> on_taken(std::function<void()> then);

/// A booking change: drops this connection's cache, and (through the worker) the shared one.
void changed(provider_actor* self);

void remote_book(provider_actor* self, book_request req, caf::response_promise rp);
void remote_reschedule(provider_actor* self, reschedule_request req, caf::response_promise rp);
void remote_cancel(provider_actor* self, cancel_request req, caf::response_promise rp);
void remote_reserve(provider_actor* self, reserve_request req, caf::response_promise rp);

}  // namespace askpro::actors::calendar::detail

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::calendar::detail::remote_op)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::calendar::detail::remote_result)
