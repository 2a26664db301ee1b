#pragma once
/// Group commit for Retell call events (voice_router.hpp record_call_event): events recorded
/// by concurrent webhook requests share one write transaction on /db, so the node pays one
/// durable commit (one fsync on SQLite) per batch instead of one per event.
///
/// How: the first caller becomes the leader; it takes every event waiting (up to `max_batch`)
/// and runs them in one transaction through /db while later callers queue up for the next
/// batch. Each caller returns only after the batch holding its event committed, with its own
/// event's outcome. When the batch transaction fails for a reason other than a timeout or an
/// unavailable database, its events are retried one transaction each, so one bad event cannot
/// fail the others. A repeated delivery within one batch is seen by the inbox as a repeat.
///
/// Thread-safety: `record` is callable concurrently from any non-actor thread (it blocks).
/// Ownership: copies the events while they wait. Errors: those of record_call_event.

#include "actors/call/voice_router.hpp"
#include "persistence/repo/tenant_scope.hpp"

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>

namespace askpro::actors::call {

class event_batcher {
 public:
  explicit event_batcher(std::size_t max_batch = 512);

  /// Records `ev` for `scope` at `now` (Unix ms) in the next batch and waits for its commit.
  [[nodiscard]] Result<event_outcome> record(const voice_deps& deps,
                                             persistence::tenant_scope scope, const call_event& ev,
                                             int64_t now);

  struct waiter;

 private:
  void lead(const voice_deps& deps, std::unique_lock<std::mutex>& lock);

  const std::size_t max_batch_;
  std::mutex mtx_;
  std::condition_variable cv_;
  std::deque<std::shared_ptr<waiter>> waiting_;
  bool leading_ = false;
};

}  // namespace askpro::actors::call
