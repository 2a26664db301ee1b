#include "runtime/metrics/tree_metrics.hpp"

#include "runtime/breaker.hpp"
#include "runtime/counted_actor.hpp"

#include <map>

namespace askpro::runtime::metrics {
namespace {

struct kind_figures {
  uint64_t actors = 0;
  uint64_t mailbox_max = 0;
};

void render_kinds(exposition& out, const std::map<std::string, kind_figures>& kinds,
                  const std::map<std::string, uint64_t>& restarts) {
  out.family("askpro_actors", "Actors in the live tree, by kind.", "gauge");
  for (const auto& [kind, f] : kinds)
    out.sample("askpro_actors", {{"kind", kind}}, static_cast<double>(f.actors));
  out.family("askpro_actor_restarts_total", "Actor restarts by their supervisors, by kind.",
             "counter");
  for (const auto& [kind, n] : restarts)
    out.sample("askpro_actor_restarts_total", {{"kind", kind}}, static_cast<double>(n));
  out.family("askpro_mailbox_depth_max", "Deepest mailbox among the actors of a kind.", "gauge");
  for (const auto& [kind, f] : kinds)
    out.sample("askpro_mailbox_depth_max", {{"kind", kind}}, static_cast<double>(f.mailbox_max));
}

}  // namespace

family<counter, 2>& breaker_transitions() {
  static family<counter, 2> f{"askpro_breaker_transitions_total",
                              "Circuit breaker transitions, by breaker and new state.",
                              {"breaker", "to"}};
  return f;
}

void render_tree(exposition& out, const tree_registry& registry) {
  const auto nodes = registry.snapshot();
  std::map<std::string, kind_figures> kinds;
  std::vector<std::pair<std::string, int>> breakers;
  for (const auto& n : nodes) {
    auto& f = kinds[n.kind];
    f.actors += 1;
    if (const auto* c = counters_of(n.handle)) f.mailbox_max = std::max(f.mailbox_max, c->depth());
    if (n.kind == "breaker")
      if (auto code = breaker_state_code(n.handle)) breakers.emplace_back(n.path, *code);
  }
  render_kinds(out, kinds, registry.restarts_by_kind());
  out.family("askpro_breaker_state", "Circuit breaker state: 0 closed, 1 half-open, 2 open.",
             "gauge");
  for (const auto& [path, code] : breakers)
    out.sample("askpro_breaker_state", {{"breaker", path}}, code);
  breaker_transitions().render(out, "counter");
}

}  // namespace askpro::runtime::metrics
