#include "runtime/breaker_fsm.hpp"

#include <algorithm>

namespace askpro::runtime {

const char* to_string(breaker_state s) {
  switch (s) {
    case breaker_state::closed:
      return "closed";
    case breaker_state::open:
      return "open";
    case breaker_state::half_open:
      return "half_open";
  }
  return "unknown";
}

breaker_fsm::breaker_fsm(breaker_policy policy)
    : policy_(policy), reset_timeout_(policy.reset_timeout) {
  policy_.max_failures = std::max(1, policy_.max_failures);
  policy_.max_reset_timeout = std::max(policy_.max_reset_timeout, policy_.reset_timeout);
  policy_.multiplier = std::max(1.0, policy_.multiplier);
}

breaker_fsm::ticket breaker_fsm::admit(clock::time_point now) {
  refresh(now);
  if (state_ == breaker_state::closed) return {verdict::call, epoch_};
  if (state_ == breaker_state::half_open && !trial_in_flight_) {
    trial_in_flight_ = true;
    return {verdict::trial, epoch_};
  }
  ++rejections_;
  return {verdict::reject, epoch_};
}

void breaker_fsm::record(const ticket& t, bool failure, clock::time_point now,
                         const std::string& why) {
  if (t.kind == verdict::reject) return;
  failure ? ++failures_ : ++successes_;
  if (t.kind == verdict::trial) return record_trial(t, failure, now, why);
  if (t.epoch != epoch_ || state_ != breaker_state::closed) return;  // late: count only
  if (!failure) {
    consecutive_ = 0;
    return;
  }
  if (++consecutive_ >= policy_.max_failures)
    move_to(breaker_state::open, now,
            std::to_string(consecutive_) + " consecutive failures, last: " + why);
}

void breaker_fsm::record_trial(const ticket& t, bool failure, clock::time_point now,
                               const std::string& why) {
  if (t.epoch != epoch_ || state_ != breaker_state::half_open) return;
  trial_in_flight_ = false;
  if (!failure) {
    reset_timeout_ = policy_.reset_timeout;
    move_to(breaker_state::closed, now, "trial call succeeded");
    return;
  }
  auto grown = std::chrono::duration<double, std::milli>(reset_timeout_) * policy_.multiplier;
  reset_timeout_ = std::min(policy_.max_reset_timeout,
                            std::chrono::duration_cast<std::chrono::milliseconds>(grown));
  move_to(breaker_state::open, now, "trial call failed: " + why);
}

void breaker_fsm::refresh(clock::time_point now) {
  if (state_ != breaker_state::open || !opened_at_) return;
  if (now - *opened_at_ >= reset_timeout_)
    move_to(breaker_state::half_open, now, "reset timeout elapsed");
}

void breaker_fsm::force_open(clock::time_point now) {
  if (state_ == breaker_state::open) {
    opened_at_ = now;  // restart the reset timeout
    return;
  }
  move_to(breaker_state::open, now, "opened by operator");
}

void breaker_fsm::force_close(clock::time_point now) {
  reset_timeout_ = policy_.reset_timeout;
  consecutive_ = 0;
  if (state_ != breaker_state::closed) move_to(breaker_state::closed, now, "reset by operator");
}

void breaker_fsm::move_to(breaker_state to, clock::time_point now, std::string reason) {
  transitions_.push_back({state_, to, now, std::move(reason)});
  if (transitions_.size() > max_transitions) transitions_.pop_front();
  state_ = to;
  ++epoch_;
  trial_in_flight_ = false;
  if (to == breaker_state::open) opened_at_ = now;
  if (to == breaker_state::closed) {
    consecutive_ = 0;
    opened_at_.reset();
  }
  if (on_transition_) on_transition_(transitions_.back());
}

}  // namespace askpro::runtime
