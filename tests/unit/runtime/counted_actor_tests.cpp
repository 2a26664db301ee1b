// Mailbox depth and messages handled, read from outside the actor: a stuck actor shows its
// growing queue in the collected tree while it is marked unresponsive, and drains afterwards.
#include "runtime/counted_actor.hpp"
#include "runtime/tree_collector.hpp"
#include "tests/unit/runtime/runtime_fixture.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <future>

using namespace askpro;
using namespace askpro::runtime;
using namespace askpro::testing;
using json = nlohmann::json;

namespace {

using block_atom = caf::atom_constant<caf::atom("block")>;
using work_atom = caf::atom_constant<caf::atom("work")>;

struct gate_state {
  int worked = 0;
};

/// `block` waits on the future (the actor is stuck meanwhile); `work` counts.
caf::behavior gated(counted_stateful<gate_state>* self, std::shared_future<void> open) {
  return {
      [open](block_atom) { open.wait(); },
      [self](work_atom) { ++self->state.worked; },
      [self](inspect_atom) {
        return json{{"worked", self->state.worked}}.dump();
      },
  };
}

void put(runtime_fixture& f, const std::string& path, caf::actor a) {
  tree_node n;
  n.path = path;
  n.kind = "gated";
  n.parent = "/";
  n.status = node_status::running;
  n.started = f.clock->now();
  n.handle = std::move(a);
  f.registry->put(std::move(n));
}

json node_at(runtime_fixture& f, const std::string& path, std::chrono::milliseconds timeout) {
  return json::parse(inspect_node_json(f.sys, *f.registry, path, timeout));
}

}  // namespace

TEST_CASE("a stuck actor shows its queue and is marked unresponsive", "[tree][counted]") {
  runtime_fixture f;
  std::promise<void> release;
  auto actor = f.track(f.sys.spawn(gated, release.get_future().share()));
  put(f, "/gated", actor);
  caf::anon_send(actor, block_atom::value);
  for (int i = 0; i < 3; ++i) caf::anon_send(actor, work_atom::value);
  const auto* counters = counters_of(actor);
  REQUIRE(counters != nullptr);
  REQUIRE(f.eventually([&] { return counters->handled.load() == 1; }));  // the block is taken
  auto stuck = node_at(f, "/gated", 200ms);
  CHECK(stuck["responsive"] == false);
  CHECK(stuck["state"].is_null());
  CHECK(stuck["mailbox"] == 4);  // three works and the inspect request wait
  CHECK(stuck["handled"] == 1);
  release.set_value();
  REQUIRE(f.eventually([&] { return counters->depth() == 0; }));
  auto drained = node_at(f, "/gated", 2000ms);
  CHECK(drained["responsive"] == true);
  CHECK(drained["state"]["worked"] == 3);
  CHECK(drained["mailbox"] == 0);
  CHECK(drained["handled"] == 6);  // block, three works, two inspects (one answered late)
}

TEST_CASE("actors that do not count show null figures", "[tree][counted]") {
  runtime_fixture f;
  auto plain = f.track(f.sys.spawn([](caf::event_based_actor*) -> caf::behavior {
    return {[](inspect_atom) { return std::string{"{}"}; }};
  }));
  put(f, "/plain", plain);
  CHECK(counters_of(plain) == nullptr);
  auto node = node_at(f, "/plain", 2000ms);
  CHECK(node["mailbox"].is_null());
  CHECK(node["handled"].is_null());
  CHECK(node["responsive"] == true);
}

TEST_CASE("supervisors and breakers count their messages", "[tree][counted]") {
  runtime_fixture f;
  f.root(f.spec("/", strategy::one_for_one, {probe_child("a", f.log)}));
  REQUIRE(counters_of(f.at("/")) != nullptr);
  auto root = node_at(f, "/", 2000ms);
  CHECK(root["handled"].get<int>() >= 1);
  CHECK(root["mailbox"] == 0);
}
