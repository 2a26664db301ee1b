#include "runtime/tree_registry.hpp"

namespace askpro::runtime {

const char* to_string(node_status s) {
  switch (s) {
    case node_status::starting:
      return "starting";
    case node_status::running:
      return "running";
    case node_status::restarting:
      return "restarting";
    case node_status::stopping:
      return "stopping";
    case node_status::stopped:
      return "stopped";
    case node_status::failed:
      return "failed";
  }
  return "unknown";
}

void tree_registry::put(tree_node node) {
  std::lock_guard<std::mutex> guard{mtx_};
  auto path = node.path;
  nodes_[path] = std::move(node);
}

void tree_registry::restarted(const std::string& path, caf::actor handle,
                              std::chrono::system_clock::time_point at, const std::string& reason) {
  std::lock_guard<std::mutex> guard{mtx_};
  auto i = nodes_.find(path);
  if (i == nodes_.end()) return;
  i->second.handle = std::move(handle);
  i->second.started = at;
  i->second.restarts += 1;
  restarts_by_kind_[i->second.kind] += 1;
  i->second.status = node_status::running;
  i->second.last_exit_reason = reason;
}

void tree_registry::set_status(const std::string& path, node_status s, const std::string& reason) {
  std::lock_guard<std::mutex> guard{mtx_};
  auto i = nodes_.find(path);
  if (i == nodes_.end()) return;
  i->second.status = s;
  if (!reason.empty()) i->second.last_exit_reason = reason;
}

namespace {

/// "<path>/" (just "/" for the root): every descendant's key starts with it.
std::string descendant_prefix(const std::string& path) {
  return path == "/" ? path : path + "/";
}

}  // namespace

void tree_registry::remove_subtree(const std::string& path) {
  std::lock_guard<std::mutex> guard{mtx_};
  nodes_.erase(path);
  const auto prefix = descendant_prefix(path);
  auto first = nodes_.lower_bound(prefix);
  auto last = first;
  while (last != nodes_.end() && last->first.compare(0, prefix.size(), prefix) == 0) ++last;
  nodes_.erase(first, last);
}

bool tree_registry::has_descendants(const std::string& path) const {
  std::lock_guard<std::mutex> guard{mtx_};
  const auto prefix = descendant_prefix(path);
  auto i = nodes_.lower_bound(prefix);
  return i != nodes_.end() && i->first.compare(0, prefix.size(), prefix) == 0;
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
    for (const auto& [_, node] : nodes_) out.push_back(node);  // already sorted by path
  }
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

std::map<std::string, uint64_t> tree_registry::restarts_by_kind() const {
  std::lock_guard<std::mutex> guard{mtx_};
  return restarts_by_kind_;
}

}  // namespace askpro::runtime
