#include "actors/call/event_batcher.hpp"

#include "actors/call/voice_internal.hpp"
#include "persistence/db_client.hpp"
#include "persistence/transaction.hpp"

#include <caf/all.hpp>

#include <vector>

namespace askpro::actors::call {

struct event_batcher::waiter {
  explicit waiter(persistence::tenant_scope s) : scope(s) {}
  persistence::tenant_scope scope;
  call_event ev;
  int64_t now = 0;
  std::optional<Result<event_outcome>> out;  ///< set (under the lock) once committed or failed
};

namespace {

using batch = std::vector<std::shared_ptr<event_batcher::waiter>>;

/// The outcomes of one batch, in the batch's order.
struct batch_outcomes {
  std::vector<event_outcome> each;
};

}  // namespace
}  // namespace askpro::actors::call

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::call::batch_outcomes)

namespace askpro::actors::call {
namespace {

using persistence::connection;

/// Every event of `items` in one transaction; the first error rolls all of them back.
Result<batch_outcomes> run_batch(const voice_deps& deps, const batch& items) {
  return persistence::run_blocking<batch_outcomes>(
      *deps.sys, deps.registry->actor_at("/db"), persistence::access::write, deps.timeout,
      [items](connection& c) -> Result<batch_outcomes> {
        return persistence::with_transaction(c, [&](connection& tx) -> Result<batch_outcomes> {
          std::vector<std::pair<persistence::tenant_scope, std::string>> names;
          for (const auto& w : items) names.emplace_back(w->scope, w->ev.name);
          if (auto locked = lock_charged_tenants(tx, names); !locked)
            return std::move(locked.error());
          batch_outcomes out;
          for (const auto& w : items) {
            auto one = apply_event(tx, w->scope, w->ev, w->now);
            if (!one) return std::move(one.error());
            out.each.push_back(*one);
          }
          return out;
        });
      });
}

bool worth_retrying_alone(const caf::error& err) {
  auto code = code_of(err);
  return !code || (*code != errc::timeout && *code != errc::unavailable);
}

/// The outcome of each waiter of `items` (not yet published).
std::vector<Result<event_outcome>> outcomes_of(const voice_deps& deps, const batch& items) {
  std::vector<Result<event_outcome>> out;
  auto all = run_batch(deps, items);
  if (all) {
    for (const auto& one : all->each) out.emplace_back(one);
    return out;
  }
  if (items.size() == 1 || !worth_retrying_alone(all.error())) {
    out.assign(items.size(), Result<event_outcome>{all.error()});
    return out;
  }
  for (const auto& w : items) {
    auto one = run_batch(deps, batch{w});
    out.emplace_back(one ? Result<event_outcome>{one->each.front()}
                         : Result<event_outcome>{std::move(one.error())});
  }
  return out;
}

}  // namespace

event_batcher::event_batcher(std::size_t max_batch)
    : max_batch_(std::max<std::size_t>(1, max_batch)) {}

Result<event_outcome> event_batcher::record(const voice_deps& deps, persistence::tenant_scope scope,
                                            const call_event& ev, int64_t now) {
  auto me = std::make_shared<waiter>(scope);
  me->ev = ev;
  me->now = now;
  std::unique_lock<std::mutex> lock{mtx_};
  waiting_.push_back(me);
  while (!me->out) {
    if (!leading_)
      lead(deps, lock);
    else
      cv_.wait(lock);
  }
  return std::move(*me->out);
}

void event_batcher::lead(const voice_deps& deps, std::unique_lock<std::mutex>& lock) {
  leading_ = true;
  batch items;
  while (!waiting_.empty() && items.size() < max_batch_) {
    items.push_back(std::move(waiting_.front()));
    waiting_.pop_front();
  }
  lock.unlock();
  auto outs = outcomes_of(deps, items);
  lock.lock();
  for (std::size_t i = 0; i < items.size(); ++i) items[i]->out = std::move(outs[i]);
  leading_ = false;
  cv_.notify_all();
}

}  // namespace askpro::actors::call
