// Supervisor: starting children, registering them, and the restart policy after a crash.
#include "runtime/error.hpp"
#include "runtime/supervisor_impl.hpp"

#include <spdlog/spdlog.h>
#include <caf/actor_system.hpp>

#include <algorithm>
#include <exception>

namespace askpro::runtime::detail {
namespace {

/// Drops the registry entries below `path` (not `path` itself): what a dead incarnation left.
void remove_descendants(tree_registry& reg, const std::string& path) {
  const auto prefix = path + "/";
  for (const auto& node : reg.snapshot())
    if (node.path.compare(0, prefix.size(), prefix) == 0) reg.remove_subtree(node.path);
}

}  // namespace

void supervisor_impl::register_self() {
  if (spec_.path != "/") return;  // nested supervisors are registered by their parent
  tree_node node;
  node.path = "/";
  node.kind = spec_.kind;
  node.status = node_status::running;
  node.started = spec_.clock->now();
  node.handle = caf::actor_cast<caf::actor>(this);
  spec_.registry->put(std::move(node));
}

void supervisor_impl::start_static_children() {
  for (const auto& child : spec_.children) {
    if (auto err = add_and_start(child, caf::message{})) {
      spdlog::error("supervisor {}: {}", spec_.path, describe(err));
      terminate_all(std::move(err));
      return;
    }
  }
}

caf::error supervisor_impl::add_and_start(child_spec spec, caf::message args) {
  if (spec.id.empty() || spec.id.find('/') != std::string::npos)
    return make_error(errc::invalid_argument, "child id must be one non-empty path segment");
  if (!spec.start) return make_error(errc::invalid_argument, "child " + spec.id + " has no start");
  if (entries_.count(spec.id) != 0)
    return make_error(errc::conflict, "child " + spec.id + " already exists");
  auto id = spec.id;
  child_entry e;
  e.path = tree_registry::join(spec_.path, id);
  e.spec = std::move(spec);
  e.args = std::move(args);
  entries_.emplace(id, std::move(e));
  order_.push_back(id);
  if (!start_incarnation(id, false)) {
    order_.pop_back();
    entries_.erase(id);
    return make_error(errc::internal, "child " + id + " failed to start");
  }
  return {};
}

caf::actor supervisor_impl::invoke_start(child_entry& e) {
  try {
    return e.spec.start(system(), e.path, e.args);
  } catch (const std::exception& ex) {
    spdlog::error("start of {} threw: {}", e.path, ex.what());
  } catch (...) {
    spdlog::error("start of {} threw", e.path);
  }
  return {};
}

bool supervisor_impl::start_incarnation(const std::string& id, bool restart) {
  auto& e = entries_.at(id);
  if (restart) remove_descendants(*spec_.registry, e.path);
  auto child = invoke_start(e);
  if (!child) {
    if (restart) {
      // A failed restart is another crash: counted against the intensity like OTP does.
      e.last_reason = "start failed";
      auto err = make_error(errc::internal, "start failed");
      schedule([this, id, err] { handle_crash(id, err); });
    }
    return false;
  }
  monitor(child);
  e.handle = child;
  e.stopping = false;
  by_actor_[child.id()] = id;
  auto now = spec_.clock->now();
  if (restart && spec_.registry->find(e.path)) {
    spec_.registry->restarted(e.path, child, now, e.last_reason);
    return true;
  }
  tree_node node;
  node.path = e.path;
  node.kind = e.spec.kind;
  node.parent = spec_.path;
  node.status = node_status::running;
  node.started = now;
  node.handle = child;
  spec_.registry->put(std::move(node));
  return true;
}

void supervisor_impl::forget(const std::string& id) {
  auto it = entries_.find(id);
  if (it == entries_.end()) return;
  if (it->second.handle) by_actor_.erase(it->second.handle.id());
  spec_.registry->remove_subtree(it->second.path);
  order_.erase(std::find(order_.begin(), order_.end(), id));
  entries_.erase(it);
}

void supervisor_impl::handle_crash(const std::string& id, const caf::error& reason) {
  auto it = entries_.find(id);
  if (it == entries_.end() || it->second.handle) return op_done();  // gone or restarted since
  const auto type = it->second.spec.restart;
  bool restart = type == restart_type::permanent ||
                 (type == restart_type::transient && !is_normal_exit(reason));
  if (!restart) {
    forget(id);
    return op_done();
  }
  if (!note_restart()) {
    spdlog::error("supervisor {}: restart intensity exceeded ({} in {} ms); shutting down",
                  spec_.path, spec_.intensity, spec_.period.count());
    terminate_all(make_error(errc::internal, "restart intensity exceeded"));
    return;
  }
  if (spec_.strat == strategy::one_for_all || spec_.strat == strategy::rest_for_one)
    return restart_group(group_for(id), id);
  start_incarnation(id, true);
  op_done();
}

std::vector<std::string> supervisor_impl::group_for(const std::string& crashed) const {
  if (spec_.strat == strategy::one_for_all) return order_;
  auto pos = std::find(order_.begin(), order_.end(), crashed);
  return {pos, order_.end()};
}

void supervisor_impl::restart_group(std::vector<std::string> group, const std::string& crashed) {
  for (const auto& id : group) {
    auto& e = entries_.at(id);
    if (e.handle) spec_.registry->set_status(e.path, node_status::restarting);
  }
  auto stages = reverse_stages(group);
  stop_children(std::move(stages), [this, group, crashed] {
    for (const auto& id : group) {
      auto it = entries_.find(id);
      if (it == entries_.end() || it->second.handle) continue;
      if (id != crashed && it->second.spec.restart == restart_type::temporary) {
        forget(id);  // a temporary sibling is stopped with the group but never restarted
        continue;
      }
      start_incarnation(id, true);
    }
    op_done();
  });
}

bool supervisor_impl::note_restart() {
  restarts_.push_back(spec_.clock->now());
  return static_cast<int>(restarts_in_window()) <= spec_.intensity;
}

std::size_t supervisor_impl::restarts_in_window() {
  const auto now = spec_.clock->now();
  while (!restarts_.empty() && now - restarts_.front() > spec_.period) restarts_.pop_front();
  return restarts_.size();
}

}  // namespace askpro::runtime::detail
