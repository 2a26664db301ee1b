#pragma once
/// Builds the live actor tree as JSON for the ops API and CLI: every registered actor is asked
/// `inspect_atom` concurrently; actors that do not answer within `timeout` are marked busy.
/// Thread-safety: blocking; call from a non-actor thread. Errors: none (unanswered is data).
///
/// Shape of each node: {"path","id","kind","parent","status","started","restarts",
/// "last_exit_reason","responsive":bool,"mailbox","handled" (null for actors that do not count),
/// "state":{…}|null,"children":[…]}; the result is the
/// root node ("/"), or {"path":"/","children":[…]} synthesised when no root is registered.

#include "runtime/tree_registry.hpp"

#include <caf/fwd.hpp>

#include <chrono>
#include <string>

namespace askpro::runtime {

std::string collect_tree_json(caf::actor_system& sys, const tree_registry& registry,
                              std::chrono::milliseconds timeout);

/// One node (no children) as JSON, or "" when `path` is not registered.
std::string inspect_node_json(caf::actor_system& sys, const tree_registry& registry,
                              const std::string& path, std::chrono::milliseconds timeout);

/// A node that was just stopped for good, as JSON without asking it: status "stopped", state
/// null, mailbox and handled as last counted.
std::string stopped_node_json(const tree_node& node);

}  // namespace askpro::runtime
