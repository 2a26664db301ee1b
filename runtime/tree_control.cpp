#include "runtime/tree_control.hpp"

#include "runtime/atoms.hpp"
#include "runtime/bridge.hpp"

#include <caf/sec.hpp>

namespace askpro::runtime {
namespace {

std::string id_of(const std::string& path) {
  auto pos = path.rfind('/');
  return pos == std::string::npos ? path : path.substr(pos + 1);
}

/// A supervisor's refusal is the operator's conflict, except for time-outs.
caf::error as_conflict(const caf::error& err, const std::string& what) {
  if (code_of(err) == errc::timeout) return make_error(errc::timeout, what + ": no answer in time");
  if (err == caf::sec::unexpected_message)
    return make_error(errc::conflict, what + ": its parent does not restart or stop it on request");
  return make_error(errc::conflict, what + ": " + describe(err));
}

Result<tree_node> through_parent(caf::actor_system& sys, const tree_registry& registry,
                                 const tree_node& node, tree_action action,
                                 std::chrono::milliseconds timeout) {
  const std::string what = std::string{"cannot "} + to_string(action) + " " + node.path;
  if (node.path == "/" || node.parent.empty())
    return make_error(errc::conflict, what + ": the root is stopped with the node");
  auto parent = registry.actor_at(node.parent);
  if (!parent) return make_error(errc::conflict, what + ": its supervisor is not running");
  if (action == tree_action::restart) {
    auto r = ask<caf::actor>(sys, parent, timeout, restart_child_atom::value, id_of(node.path));
    if (!r) return as_conflict(r.error(), what);
  } else {
    auto r = ask<caf::ok_atom>(sys, parent, timeout, stop_child_atom::value, id_of(node.path));
    if (!r) return as_conflict(r.error(), what);
  }
  return node;
}

Result<tree_node> on_breaker(caf::actor_system& sys, const tree_node& node, tree_action action,
                             std::chrono::milliseconds timeout) {
  if (node.kind != "breaker") return make_error(errc::not_found, "no breaker at " + node.path);
  auto r = action == tree_action::breaker_reset
               ? ask<caf::ok_atom>(sys, node.handle, timeout, breaker_reset_atom::value)
               : ask<caf::ok_atom>(sys, node.handle, timeout, breaker_open_atom::value);
  if (!r)
    return as_conflict(r.error(), std::string{"cannot "} + to_string(action) + " " + node.path);
  return node;
}

}  // namespace

const char* to_string(tree_action a) {
  switch (a) {
    case tree_action::restart:
      return "restart";
    case tree_action::stop:
      return "stop";
    case tree_action::breaker_reset:
      return "reset";
    case tree_action::breaker_open:
      return "open";
  }
  return "act on";
}

Result<tree_node> act_on(caf::actor_system& sys, const tree_registry& registry,
                         const std::string& path, tree_action action,
                         std::chrono::milliseconds timeout) {
  auto node = registry.find(path);
  if (!node) return make_error(errc::not_found, "no actor at " + path);
  if (action == tree_action::breaker_reset || action == tree_action::breaker_open)
    return on_breaker(sys, *node, action, timeout);
  return through_parent(sys, registry, *node, action, timeout);
}

}  // namespace askpro::runtime
