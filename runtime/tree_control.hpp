#pragma once
/// Operator actions on the live tree (SPEC S12, contract.md "Ops listener"): restart or stop
/// the actor at a path through the actor that supervises it, and force a breaker open or closed.
/// The supervisor does the work (an orderly stop with its shutdown grace, a fresh incarnation,
/// the registry updated), exactly as when a child crashes; nothing is killed behind its back.
/// Thread-safety: blocking; call from a non-actor thread (HTTP handlers, the CLI's server side).
/// Errors: errc::not_found when nothing is registered at `path` (for the breaker actions: when
/// the node is no breaker); errc::conflict when the actor cannot be restarted or stopped (the
/// root, a node whose parent is not a supervisor, a supervisor shutting down); errc::timeout
/// when the supervisor gave no answer in `timeout`.

#include "runtime/error.hpp"
#include "runtime/tree_registry.hpp"

#include <caf/fwd.hpp>

#include <chrono>
#include <string>

namespace askpro::runtime {

enum class tree_action { restart, stop, breaker_reset, breaker_open };
const char* to_string(tree_action a);

/// Carries out `action` on the node at `path` ("/tenants/acme/booking"); answers the node as it
/// was found (the caller re-inspects it afterwards; a stopped node is gone from the registry).
[[nodiscard]] Result<tree_node> act_on(caf::actor_system& sys, const tree_registry& registry,
                                       const std::string& path, tree_action action,
                                       std::chrono::milliseconds timeout);

}  // namespace askpro::runtime
