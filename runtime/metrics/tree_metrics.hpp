#pragma once
/// The runtime's own metrics (contract.md "Metric names"), computed at scrape time from a node's
/// live tree, so the hot path pays nothing for them:
///   askpro_actors{kind}                  registered actors
///   askpro_actor_restarts_total{kind}    restarts since start (supervisors and breakers)
///   askpro_mailbox_depth_max{kind}       deepest mailbox among the actors of a kind
///   askpro_breaker_state{breaker}        0 closed, 1 half-open, 2 open (label: the node path)
///   askpro_breaker_transitions_total{breaker,to}   counted by the breakers as they move
/// Thread-safety: safe from any thread. Ownership: borrows the registry for the call.

#include "runtime/metrics/exposition.hpp"
#include "runtime/metrics/family.hpp"
#include "runtime/tree_registry.hpp"

namespace askpro::runtime::metrics {

family<counter, 2>& breaker_transitions();

void render_tree(exposition& out, const tree_registry& registry);

}  // namespace askpro::runtime::metrics
