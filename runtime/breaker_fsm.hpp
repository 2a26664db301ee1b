#pragma once
/// The circuit breaker's state machine (Akka's CircuitBreaker semantics), free of actors so it is
/// testable with plain values. The breaker actor (breaker.hpp) feeds it admissions and outcomes.
///
/// closed → open after `max_failures` consecutive failures; open rejects every call; the first
/// admission after `reset_timeout` moves to half_open and lets exactly one trial through (others
/// are rejected while it runs); a successful trial closes and resets the timeout to its base, a
/// failed one reopens with the timeout × `multiplier`, capped at `max_reset_timeout`.
/// Outcomes of calls admitted before the latest transition never drive a transition (they only
/// count), so a late answer cannot close a breaker that reopened meanwhile.
/// Thread-safety: none; owned by one actor.

#include "runtime/clock.hpp"

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>

namespace askpro::runtime {

enum class breaker_state { closed, open, half_open };
const char* to_string(breaker_state s);

struct breaker_policy {
  int max_failures = 5;
  std::chrono::milliseconds reset_timeout{10000};
  std::chrono::milliseconds max_reset_timeout{300000};
  double multiplier = 2.0;
};

struct breaker_transition {
  breaker_state from;
  breaker_state to;
  clock::time_point at;
  std::string reason;
};

class breaker_fsm {
 public:
  enum class verdict { call, trial, reject };
  struct ticket {
    verdict kind = verdict::reject;
    uint64_t epoch = 0;  ///< the transition count when admitted
  };

  /// How many transitions `transitions()` keeps (oldest dropped first).
  static constexpr std::size_t max_transitions = 16;

  explicit breaker_fsm(breaker_policy policy);

  /// Decides whether a call may go now; moves open → half_open once the reset timeout passed.
  ticket admit(clock::time_point now);
  /// Reports how an admitted call ended; `why` describes a failure for the transition log.
  void record(const ticket& t, bool failure, clock::time_point now, const std::string& why);
  /// Moves open → half_open when the reset timeout has passed (lazy, on every look).
  void refresh(clock::time_point now);
  /// Operator controls: open now (timeout unchanged) / close now (timeout back to base).
  void force_open(clock::time_point now);
  void force_close(clock::time_point now);

  breaker_state state() const { return state_; }
  int consecutive_failures() const { return consecutive_; }
  uint64_t total_failures() const { return failures_; }
  uint64_t total_successes() const { return successes_; }
  uint64_t total_rejections() const { return rejections_; }
  std::chrono::milliseconds reset_timeout() const { return reset_timeout_; }
  std::optional<clock::time_point> opened_at() const { return opened_at_; }
  bool trial_in_flight() const { return trial_in_flight_; }
  const std::deque<breaker_transition>& transitions() const { return transitions_; }
  const breaker_policy& policy() const { return policy_; }
  /// Called after every transition (on the owner's thread), e.g. to export the state.
  void on_transition(std::function<void(const breaker_transition&)> fn) {
    on_transition_ = std::move(fn);
  }

 private:
  void move_to(breaker_state to, clock::time_point now, std::string reason);
  void record_trial(const ticket& t, bool failure, clock::time_point now, const std::string& why);

  breaker_policy policy_;
  breaker_state state_ = breaker_state::closed;
  uint64_t epoch_ = 0;
  int consecutive_ = 0;
  uint64_t failures_ = 0;
  uint64_t successes_ = 0;
  uint64_t rejections_ = 0;
  std::chrono::milliseconds reset_timeout_;
  std::optional<clock::time_point> opened_at_;
  bool trial_in_flight_ = false;
  std::deque<breaker_transition> transitions_;
  std::function<void(const breaker_transition&)> on_transition_;
};

}  // namespace askpro::runtime
