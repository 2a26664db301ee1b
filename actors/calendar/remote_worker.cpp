// The remote connection's worker: a detached actor that owns the blocking client and is the
// only place a request to the account goes out — after the credential's gate granted it.
#include "actors/calendar/remote_internal.hpp"

#include <caf/all.hpp>

#include <algorithm>
#include <memory>
#include <thread>

namespace askpro::actors::calendar::detail {
namespace {

using steady = std::chrono::steady_clock;

struct worker_state {
  remote_config cfg;
  runtime::clock_ptr clock;
  std::unique_ptr<remote_calendar> client;
  std::unique_ptr<shared_slots> shared;
};

/// The shared cache's key of a slots question (the account is the store's own prefix).
std::string shared_key(const remote_slots_query& q) {
  return std::to_string(q.event_type_id) + ":" + std::to_string(q.from_ms) + ":" +
         std::to_string(q.to_ms) + ":" + std::to_string(q.duration_min) + ":" + q.time_zone;
}

caf::error throttled(const std::string& why) {
  return make_error(errc::calendar_unavailable, std::string{throttled_prefix} + " " + why);
}

/// Waits for the gate within the op's deadline and cfg.max_wait; never sends past either.
Result<void> wait_for_turn(worker_state& st, steady::time_point deadline) {
  const auto limit = std::min(deadline, steady::now() + st.cfg.max_wait);
  for (;;) {
    auto now = st.clock->now();
    auto when = st.cfg.gate->try_acquire(now);
    if (!when) return caf::unit;
    auto wait = std::chrono::duration_cast<steady::duration>(*when - now);
    if (steady::now() + wait > limit) return throttled("request budget of the API key spent");
    std::this_thread::sleep_for(std::max<steady::duration>(wait, std::chrono::milliseconds{1}));
  }
}

Result<remote_result> perform(remote_calendar& c, const remote_op& op) {
  using k = remote_op::kind;
  remote_result out;
  switch (op.what) {
    case k::slots: {
      auto r = c.slots(op.slots);
      if (!r) return std::move(r.error());
      out.starts = std::move(*r);
      return out;
    }
    case k::find: {
      auto r = c.find(op.event_type_id, op.from_ms, op.to_ms, op.key);
      if (!r) return std::move(r.error());
      out.booking = std::move(*r);
      return out;
    }
    default:
      break;
  }
  auto r = op.what == k::book     ? c.book(op.booking)
           : op.what == k::cancel ? c.cancel(op.uid, op.reason)
                                  : c.reschedule(op.uid, op.start_ms, op.reason);
  if (!r) return std::move(r.error());
  out.booking = std::move(*r);
  return out;
}

/// Slots from the shared cache; nullopt when it has none (or there is none).
std::optional<remote_result> shared_answer(worker_state& st, const remote_op& op) {
  if (!st.shared || op.fresh || op.what != remote_op::kind::slots) return std::nullopt;
  auto hit = st.shared->get(shared_key(op.slots));
  if (!hit) return std::nullopt;
  remote_result out;
  out.starts = std::move(*hit);
  return out;
}

Result<remote_result> run(worker_state& st, const remote_op& op) {
  if (op.what == remote_op::kind::invalidate) {
    if (st.shared) st.shared->invalidate();
    return remote_result{};
  }
  if (steady::now() > op.deadline) return throttled("queued past its time budget");
  if (auto cached = shared_answer(st, op)) return std::move(*cached);
  if (auto turn = wait_for_turn(st, op.deadline); !turn) return std::move(turn.error());
  if (!st.client) st.client = st.cfg.factory();
  auto out = perform(*st.client, op);
  if (!out) {
    if (auto pause = st.client->retry_after()) st.cfg.gate->pause_until(st.clock->now() + *pause);
  } else if (st.shared && op.what == remote_op::kind::slots && st.cfg.cache_ttl.count() > 0) {
    st.shared->put(shared_key(op.slots), out->starts, st.cfg.cache_ttl);
  }
  return out;
}

}  // namespace

caf::behavior remote_worker(caf::event_based_actor* self, remote_config cfg,
                            runtime::clock_ptr clock) {
  (void)self;
  auto st = std::make_shared<worker_state>(worker_state{std::move(cfg), std::move(clock), {}, {}});
  if (st->cfg.shared) st->shared = st->cfg.shared();
  return {
      [st](remote_atom, remote_op& op) -> caf::result<remote_result> {
        auto out = run(*st, op);
        if (!out) return std::move(out.error());
        return std::move(*out);
      },
  };
}

}  // namespace askpro::actors::calendar::detail
