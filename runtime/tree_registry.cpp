#include "runtime/tree_registry.hpp"

#include <algorithm>

namespace askpro::runtime {

const char* to_string(node_status s) {
  switch (s) {
    case node_status::starting: return "starting";
    case node_status::running: return "running";
    case node_status::restarting: return "restarting";
    case node_status::stopping: return "stopping";
    case node_status::stopped: return "stopped";
    case node_status::failed: return "failed";
  }
  return "unknown";
}

void tree_registry::put(tree_node node) {
  std::lock_guard<std::mutex> guard{mtx_};
  auto path = node.path;
  nodes_[path] = std::move(node);
}

void tree_registry::restarted(const std::string& path, caf::actor handle,
                              std::chrono::system_clock::time_point at,
                              const std::string& reason) {
  std::lock_guard<std::mutex> guard{mtx_};
  auto i = nodes_.find(path);
  if (i == nodes_.end()) return;
  i->second.handle = std::move(handle);
  i->second.started = at;
  i->second.restarts += 1;
  i->second.status = node_status::running;
  i->second.last_exit_reason = reason;
}

void tree_registry::set_status(const std::string& path, node_status s,
                               const std::string& reason) {
  std::lock_guard<std::mutex> guard{mtx_};
  auto i = nodes_.find(path);
  if (i == nodes_.end()) return;
  i->second.status = s;
  if (!reason.empty()) i->second.last_exit_reason = reason;
}

void tree_registry::remove_subtree(const std::string& path) {
  std::lock_guard<std::mutex> guard{mtx_};
  const auto prefix = path == "/" ? path : path + "/";
  for (auto i = nodes_.begin(); i != nodes_.end();) {
    bool below = i->first == path || i->first.compare(0, prefix.size(), prefix) == 0;
    i = below ? nodes_.erase(i) : std::next(i);
  }
}

std::optional<tree_node> tree_registry::find(const std::string& path) const {
  std::lock_guard<std::mutex> guard{mtx_};
  auto i = nodes_.find(path);
  if (i == nodes_.end()) return std::nullopt;
  return i->second;
}

caf::actor tree_registry::actor_at(const std::string& path) const {
  std::lock_guard<std::mutex> guard{mtx_};
  auto i = nodes_.find(path);
  return i == nodes_.end() ? caf::actor{} : i->second.handle;
}

std::vector<tree_node> tree_registry::snapshot() const {
  std::vector<tree_node> out;
  {
    std::lock_guard<std::mutex> guard{mtx_};
    out.reserve(nodes_.size());
    for (const auto& [_, node] : nodes_) out.push_back(node);
  }
  std::sort(out.begin(), out.end(),
            [](const tree_node& a, const tree_node& b) { return a.path < b.path; });
  return out;
}

std::size_t tree_registry::size() const {
  std::lock_guard<std::mutex> guard{mtx_};
  return nodes_.size();
}

std::string tree_registry::join(const std::string& parent, const std::string& id) {
  if (parent.empty() || parent == "/") return "/" + id;
  return parent + "/" + id;
}

}  // namespace askpro::runtime
