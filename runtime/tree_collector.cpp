#include "runtime/tree_collector.hpp"

#include "runtime/atoms.hpp"
#include "runtime/counted_actor.hpp"
#include "runtime/inspect.hpp"

#include <caf/actor_system.hpp>
#include <caf/scoped_actor.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <unordered_map>
#include <vector>

namespace askpro::runtime {
namespace {

using json = nlohmann::json;

/// The last segment of a path ("/" for the root).
std::string id_of(const std::string& path) {
  if (path == "/") return path;
  auto pos = path.rfind('/');
  return pos == std::string::npos ? path : path.substr(pos + 1);
}

/// The parent path by text ("/a/b" → "/a", "/a" → "/", "/" → "").
std::string parent_by_path(const std::string& path) {
  if (path.empty() || path == "/") return {};
  auto pos = path.rfind('/');
  return pos == 0 || pos == std::string::npos ? "/" : path.substr(0, pos);
}

/// The actor's own answer: a JSON value, or the raw text when it is not JSON.
json parse_state(const std::string& text) {
  auto parsed = json::parse(text, nullptr, false);
  return parsed.is_discarded() ? json(text) : parsed;
}

json node_json(const tree_node& n, const std::optional<std::string>& state) {
  json j;
  j["path"] = n.path;
  j["id"] = id_of(n.path);
  j["kind"] = n.kind;
  j["parent"] = n.parent;
  j["status"] = to_string(n.status);
  j["started"] = format_utc(n.started);
  j["started_ms"] = to_unix_ms(n.started);
  j["restarts"] = n.restarts;
  j["last_exit_reason"] = n.last_exit_reason;
  j["responsive"] = state.has_value();
  const auto* counters = counters_of(n.handle);  // read without asking: a stuck actor shows too
  j["mailbox"] = counters ? json(counters->depth()) : json(nullptr);
  j["handled"] = counters ? json(counters->handled.load(std::memory_order_relaxed)) : json(nullptr);
  j["state"] = state ? parse_state(*state) : json(nullptr);
  return j;
}

/// Asks every node `inspect_atom` at once; an entry stays empty when no answer came in time.
std::vector<std::optional<std::string>> ask_all(caf::actor_system& sys,
                                                const std::vector<tree_node>& nodes,
                                                std::chrono::milliseconds timeout) {
  std::vector<std::optional<std::string>> out(nodes.size());
  caf::scoped_actor self{sys};
  using handle_t = decltype(self->request(caf::actor{}, timeout, inspect_atom::value));
  std::vector<std::pair<std::size_t, handle_t>> pending;
  pending.reserve(nodes.size());
  for (std::size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].handle)
      pending.emplace_back(i, self->request(nodes[i].handle, timeout, inspect_atom::value));
  // All requests run concurrently; each receive ends by its own timeout at the latest, so the
  // whole collection takes about `timeout` in the worst case.
  for (auto& [i, handle] : pending) {
    auto idx = i;
    handle.receive([&](std::string& text) { out[idx] = std::move(text); }, [](caf::error&) {});
  }
  return out;
}

/// The nearest registered ancestor of `n` ("" when none).
std::string attach_point(const tree_node& n, const std::map<std::string, json>& by_path) {
  auto p = n.parent.empty() ? parent_by_path(n.path) : n.parent;
  while (!p.empty() && by_path.count(p) == 0) p = parent_by_path(p);
  return p;
}

json build(const std::string& path, std::map<std::string, json>& by_path,
           const std::map<std::string, std::vector<std::string>>& kids) {
  json j = std::move(by_path[path]);
  j["children"] = json::array();
  auto it = kids.find(path);
  if (it == kids.end()) return j;
  for (const auto& child : it->second) j["children"].push_back(build(child, by_path, kids));
  return j;
}

}  // namespace

std::string collect_tree_json(caf::actor_system& sys, const tree_registry& registry,
                              std::chrono::milliseconds timeout) {
  auto nodes = registry.snapshot();  // sorted by path: parents before their children
  auto states = ask_all(sys, nodes, timeout);
  std::map<std::string, json> by_path;
  for (std::size_t i = 0; i < nodes.size(); ++i)
    by_path[nodes[i].path] = node_json(nodes[i], states[i]);
  if (by_path.count("/") == 0) by_path["/"] = json{{"path", "/"}, {"id", "/"}};
  std::map<std::string, std::vector<std::string>> kids;
  for (const auto& n : nodes) {
    if (n.path == "/") continue;
    auto at = attach_point(n, by_path);
    kids[at.empty() ? "/" : at].push_back(n.path);
  }
  return build("/", by_path, kids).dump();
}

std::string inspect_node_json(caf::actor_system& sys, const tree_registry& registry,
                              const std::string& path, std::chrono::milliseconds timeout) {
  auto node = registry.find(path);
  if (!node) return {};
  auto states = ask_all(sys, {*node}, timeout);
  return node_json(*node, states.front()).dump();
}

std::string stopped_node_json(const tree_node& node) {
  auto j = node_json(node, std::nullopt);
  j["status"] = to_string(node_status::stopped);
  return j.dump();
}

}  // namespace askpro::runtime
