// Supervisor: the operation queue, ordered stops with a shutdown grace, termination, and the
// down/exit messages that drive them.
#include "runtime/error.hpp"
#include "runtime/supervisor_impl.hpp"

#include <spdlog/spdlog.h>
#include <caf/actor_cast.hpp>
#include <caf/exit_reason.hpp>
#include <caf/system_messages.hpp>

#include <algorithm>
#include <utility>

namespace askpro::runtime::detail {
namespace {

/// How many departed children are remembered so that their late link exits are ignored.
constexpr std::size_t max_recent_down = 256;

}  // namespace
void supervisor_impl::schedule(std::function<void()> run, std::function<void()> cancel) {
  if (terminating_) {
    if (cancel) cancel();
    return;
  }
  ops_.push_back({std::move(run), std::move(cancel)});
  run_next();
}

void supervisor_impl::op_done() {
  busy_ = false;
  current_cancel_ = nullptr;
  run_next();
}

void supervisor_impl::run_next() {
  if (draining_) return;  // the loop below picks the next operation up
  draining_ = true;
  while (!busy_ && !terminating_ && !ops_.empty()) {
    busy_ = true;
    auto op = std::move(ops_.front());
    ops_.pop_front();
    current_cancel_ = std::move(op.cancel);
    op.run();
  }
  draining_ = false;
}

std::vector<std::vector<std::string>> supervisor_impl::reverse_stages(
    const std::vector<std::string>& ids) const {
  std::vector<std::vector<std::string>> stages;
  stages.reserve(ids.size());
  for (auto it = ids.rbegin(); it != ids.rend(); ++it) stages.push_back({*it});
  return stages;
}

void supervisor_impl::stop_children(std::vector<std::vector<std::string>> stages,
                                    std::function<void()> done) {
  stop_job job;
  job.stages = std::move(stages);
  job.done = std::move(done);
  job_ = std::move(job);
  run_stage();
}

void supervisor_impl::run_stage() {
  while (job_ && job_->next < job_->stages.size()) {
    auto stage = job_->stages[job_->next++];
    job_->waiting.clear();
    std::chrono::milliseconds grace{0};
    for (const auto& id : stage) {
      auto it = entries_.find(id);
      if (it == entries_.end() || !it->second.handle) continue;
      auto& e = it->second;
      if (!e.stopping) {
        e.stopping = true;
        spec_.registry->set_status(e.path, node_status::stopping);
        send_exit(e.handle, e.spec.shutdown.count() <= 0 ? caf::exit_reason::kill
                                                         : caf::exit_reason::user_shutdown);
      }
      job_->waiting.insert(id);
      grace = std::max(grace, e.spec.shutdown);
    }
    if (!job_->waiting.empty()) {
      job_->gen = ++job_gen_;
      delayed_send(caf::actor_cast<caf::actor>(this), grace, stop_timeout_atom::value, job_->gen);
      return;
    }
  }
  if (!job_) return;
  auto done = std::move(job_->done);
  job_.reset();
  if (done) done();
}

void supervisor_impl::on_stopped(const std::string& id) {
  if (!job_) return;
  job_->waiting.erase(id);
  if (job_->waiting.empty()) run_stage();
}

void supervisor_impl::on_stop_timeout(uint64_t gen) {
  if (!job_ || job_->gen != gen) return;
  for (const auto& id : job_->waiting) {
    auto it = entries_.find(id);
    if (it == entries_.end() || !it->second.handle) continue;
    spdlog::warn("{} did not stop within {} ms; killing it", it->second.path,
                 it->second.spec.shutdown.count());
    send_exit(it->second.handle, caf::exit_reason::kill);
  }
}

void supervisor_impl::terminate_all(caf::error reason) {
  if (terminating_) return;
  terminating_ = true;
  busy_ = true;  // no operation runs any more
  if (current_cancel_) std::exchange(current_cancel_, nullptr)();
  for (auto& op : ops_)
    if (op.cancel) op.cancel();
  ops_.clear();
  std::vector<std::vector<std::string>> stages;
  if (spec_.strat == strategy::simple_one_for_one)
    stages.push_back(order_);  // dynamic children have no order among them: stop all at once
  else
    stages = reverse_stages(order_);
  stop_children(std::move(stages), [this, reason] {
    for (const auto& id : order_) spec_.registry->remove_subtree(entries_.at(id).path);
    if (spec_.path == "/") spec_.registry->remove_subtree("/");  // before anyone sees us down
    entries_.clear();
    order_.clear();
    quit(reason);
  });
}

void supervisor_impl::on_down_msg(caf::down_msg& msg) {
  auto found = by_actor_.find(msg.source.id());
  if (found == by_actor_.end()) return;  // an incarnation we no longer track
  auto id = found->second;
  by_actor_.erase(found);
  recent_down_.push_back(msg.source.id());
  if (recent_down_.size() > max_recent_down) recent_down_.pop_front();
  auto& e = entries_.at(id);
  e.handle = nullptr;
  e.last_reason = reason_text(msg.reason);
  if (e.stopping) {
    e.stopping = false;
    on_stopped(id);
    return;
  }
  if (terminating_) return;  // the stop job skips it; the registry is cleared at the end
  const bool normal = is_normal_exit(msg.reason);
  if (!normal) spdlog::warn("{} exited: {}", e.path, e.last_reason);
  spec_.registry->set_status(e.path, normal ? node_status::stopped : node_status::failed,
                             e.last_reason);
  schedule([this, id, reason = msg.reason] { handle_crash(id, reason); });
}

void supervisor_impl::on_exit_msg(caf::exit_msg& msg) {
  if (!msg.reason || msg.reason == caf::exit_reason::normal) return;  // like CAF's default
  // A child that linked itself to us: its down message drives the restart.
  const auto aid = msg.source.id();
  if (by_actor_.count(aid) != 0) return;
  if (std::find(recent_down_.begin(), recent_down_.end(), aid) != recent_down_.end()) return;
  spdlog::info("supervisor {} stopping: {}", spec_.path, reason_text(msg.reason));
  terminate_all(std::move(msg.reason));
}

void supervisor_impl::take_children_down(const caf::error& reason) {
  // Runs while this actor terminates, however it ends (also after exit_reason::kill).
  auto why = reason ? reason : caf::error{caf::exit_reason::user_shutdown};
  for (const auto& [id, e] : entries_) {
    if (e.handle) send_exit(e.handle, why);
    spec_.registry->remove_subtree(e.path);
  }
  if (spec_.path == "/") spec_.registry->remove_subtree("/");
}

}  // namespace askpro::runtime::detail
