#pragma once
/// Mailbox depth and messages handled for every actor of the tree, readable from any thread
/// without messaging the actor (so a stuck actor still shows its growing queue).
///
/// `counted<Base>` wraps a CAF actor class (event_based_actor, stateful_actor<S>): it counts
/// each message enqueued (any thread) and each message taken out to be handled (its own thread;
/// skipped messages are counted when they are finally consumed). Depth = enqueued − handled:
/// the messages waiting, without the one in progress.
/// Function-based actors use it as `counted_stateful<State>*` for their `self` parameter.
/// `counters_of` finds the counters behind any handle (nullptr for actors that do not count).
/// Thread-safety: relaxed atomics. Ownership: the counters live inside the actor object, which
/// a strong handle keeps alive.

#include <caf/abstract_actor.hpp>
#include <caf/actor.hpp>
#include <caf/actor_cast.hpp>
#include <caf/invoke_message_result.hpp>
#include <caf/mailbox_element.hpp>
#include <caf/stateful_actor.hpp>

#include <atomic>
#include <cstdint>

namespace askpro::runtime {

struct actor_counters {
  std::atomic<uint64_t> enqueued{0};
  std::atomic<uint64_t> handled{0};

  uint64_t depth() const noexcept {
    const auto h = handled.load(std::memory_order_relaxed);
    const auto e = enqueued.load(std::memory_order_relaxed);
    return e > h ? e - h : 0;
  }
};

class counted_source {
 public:
  virtual ~counted_source() = default;
  const actor_counters& counters() const noexcept { return counters_; }

 protected:
  actor_counters counters_;
};

template <class Base>
class counted : public Base, public counted_source {
 public:
  using Base::Base;
  using Base::enqueue;

  void enqueue(caf::mailbox_element_ptr ptr, caf::execution_unit* eu) override {
    counters_.enqueued.fetch_add(1, std::memory_order_relaxed);
    Base::enqueue(std::move(ptr), eu);
  }

  /// Counted when taken out, so the message in progress is no longer "in the mailbox".
  caf::invoke_message_result consume(caf::mailbox_element& x) override {
    counters_.handled.fetch_add(1, std::memory_order_relaxed);
    auto result = Base::consume(x);
    if (result == caf::invoke_message_result::skipped)  // stays queued; counted when consumed
      counters_.handled.fetch_sub(1, std::memory_order_relaxed);
    return result;
  }
};

template <class State>
using counted_stateful = counted<caf::stateful_actor<State>>;

inline const actor_counters* counters_of(const caf::actor& handle) {
  if (!handle) return nullptr;  // a registered node without a live actor
  auto* raw = caf::actor_cast<caf::abstract_actor*>(handle);
  auto* src = raw ? dynamic_cast<const counted_source*>(raw) : nullptr;
  return src ? &src->counters() : nullptr;
}

}  // namespace askpro::runtime
