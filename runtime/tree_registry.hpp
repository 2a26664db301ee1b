#pragma once
/// The live actor tree. CAF 0.17 cannot list actors, so every supervisor records its children
/// here: path, kind, parent, status, start time, restarts and last exit reason.
/// Thread-safety: all members are safe to call from any thread (one mutex).
/// Ownership: holds strong `caf::actor` handles of live entries; entries are removed when an
/// actor is stopped for good, so the registry never keeps a dead actor alive for long.

#include <caf/actor.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace askpro::runtime {

enum class node_status { starting, running, restarting, stopping, stopped, failed };
const char* to_string(node_status s);

struct tree_node {
  std::string path;    ///< e.g. "/tenants/acme/booking"
  std::string kind;    ///< e.g. "supervisor", "breaker", "booking"
  std::string parent;  ///< parent path ("" for the root)
  node_status status = node_status::starting;
  std::chrono::system_clock::time_point started{};
  int restarts = 0;
  std::string last_exit_reason;  ///< empty while none
  caf::actor handle;
};

class tree_registry {
 public:
  /// Records (or replaces) the node at `node.path`.
  void put(tree_node node);
  /// Marks a running child as replaced by a fresh incarnation.
  void restarted(const std::string& path, caf::actor handle,
                 std::chrono::system_clock::time_point at, const std::string& reason);
  void set_status(const std::string& path, node_status s, const std::string& reason = {});
  /// Removes `path` and everything below it. Cost proportional to the removed subtree
  /// (log n to find it), not to the registry size: "/a/b" never touches "/a/bc".
  void remove_subtree(const std::string& path);
  /// Whether any node lies strictly below `path` (a child or deeper), in log n.
  bool has_descendants(const std::string& path) const;
  std::optional<tree_node> find(const std::string& path) const;
  /// The current handle at `path` (invalid when absent).
  caf::actor actor_at(const std::string& path) const;
  /// All nodes, sorted by path.
  std::vector<tree_node> snapshot() const;
  std::size_t size() const;
  /// Restarts since the registry was made, by kind (kept when the restarted nodes go away).
  std::map<std::string, uint64_t> restarts_by_kind() const;

  /// Joins a parent path and a child id: ("/", "db") → "/db", ("/tenants", "a") → "/tenants/a".
  static std::string join(const std::string& parent, const std::string& id);

 private:
  mutable std::mutex mtx_;
  /// Ordered by path, so a subtree is the contiguous range of keys starting with "<path>/".
  std::map<std::string, tree_node> nodes_;
  std::map<std::string, uint64_t> restarts_by_kind_;
};

using registry_ptr = std::shared_ptr<tree_registry>;

}  // namespace askpro::runtime
