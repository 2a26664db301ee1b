// Operator actions on the live tree: restart and stop through the supervising actor (also the
// one child of a breaker), breaker reset/open, and the refusals (unknown path, the root, a
// parent that does not supervise by request, a node that is no breaker).
#include "runtime/breaker.hpp"
#include "runtime/bridge.hpp"
#include "runtime/tree_control.hpp"
#include "tests/unit/runtime/runtime_fixture.hpp"

#include <catch2/catch.hpp>

using namespace askpro;
using namespace askpro::runtime;
using namespace askpro::testing;

namespace {

struct control_fixture : runtime_fixture {
  control_fixture() {
    root(spec("/", strategy::one_for_one,
              {probe_child("a", log), probe_child("b", log), breaker_child("brk")}));
    REQUIRE(eventually([&] { return registry->size() == 5; }));
  }
  Result<tree_node> act(const std::string& path, tree_action a) {
    return act_on(sys, *registry, path, a, 5000ms);
  }
};

}  // namespace

TEST_CASE("restart replaces the actor through its supervisor", "[tree][control]") {
  control_fixture f;
  auto old = f.at("/a");
  auto done = f.act("/a", tree_action::restart);
  REQUIRE(done);
  CHECK(done->path == "/a");
  CHECK(f.at("/a") != old);
  CHECK(f.restarts("/a") == 1);
  CHECK(f.at("/b"));  // one_for_one: the sibling stays
  CHECK(f.restarts("/b") == 0);
}

TEST_CASE("stop ends the actor for good and removes it from the tree", "[tree][control]") {
  control_fixture f;
  auto done = f.act("/b", tree_action::stop);
  REQUIRE(done);
  CHECK_FALSE(f.registry->find("/b"));
  auto again = f.act("/b", tree_action::stop);
  REQUIRE_FALSE(again);
  CHECK(code_of(again.error()) == errc::not_found);
}

TEST_CASE("a breaker's child is restarted through the breaker", "[tree][control]") {
  control_fixture f;
  auto old = f.at("/brk/conn");
  REQUIRE(f.act("/brk/conn", tree_action::restart));
  CHECK(f.at("/brk/conn") != old);
  CHECK(f.restarts("/brk/conn") == 1);
}

TEST_CASE("breakers are opened and reset; other nodes are no breakers", "[tree][control]") {
  control_fixture f;
  auto brk = f.at("/brk");
  REQUIRE(f.act("/brk", tree_action::breaker_open));
  CHECK(ask<std::string>(f.sys, brk, 2000ms, breaker_state_atom::value) == std::string{"open"});
  REQUIRE(f.act("/brk", tree_action::breaker_reset));
  CHECK(ask<std::string>(f.sys, brk, 2000ms, breaker_state_atom::value) == std::string{"closed"});
  auto refused = f.act("/a", tree_action::breaker_open);
  REQUIRE_FALSE(refused);
  CHECK(code_of(refused.error()) == errc::not_found);
}

TEST_CASE("the root, unknown paths and non-supervisors are refused", "[tree][control]") {
  control_fixture f;
  auto root = f.act("/", tree_action::restart);
  REQUIRE_FALSE(root);
  CHECK(code_of(root.error()) == errc::conflict);
  auto unknown = f.act("/nope", tree_action::restart);
  REQUIRE_FALSE(unknown);
  CHECK(code_of(unknown.error()) == errc::not_found);
  // A node whose parent is a plain worker: the worker does not take supervisor requests.
  tree_node n;
  n.path = "/a/inner";
  n.kind = "worker";
  n.parent = "/a";
  n.status = node_status::running;
  f.registry->put(n);
  auto orphan = f.act("/a/inner", tree_action::stop);
  REQUIRE_FALSE(orphan);
  CHECK(code_of(orphan.error()) == errc::conflict);
}
