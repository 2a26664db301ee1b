// Collecting the live tree: nested JSON from the registry plus each actor's inspect answer;
// actors that do not answer in time are marked unresponsive while the others are present.
#include "runtime/breaker.hpp"
#include "runtime/tree_collector.hpp"
#include "tests/unit/runtime/runtime_fixture.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace askpro;
using namespace askpro::runtime;
using namespace askpro::testing;
using json = nlohmann::json;

namespace {

/// An actor that never answers inspect (busy, as far as the collector can tell).
caf::behavior silent(caf::event_based_actor*) {
  return {[](inspect_atom) { return caf::delegated<std::string>{}; }};
}

const json* child_at(const json& node, const std::string& path) {
  for (const auto& c : node["children"])
    if (c["path"] == path) return &c;
  return nullptr;
}

std::vector<std::string> child_paths(const json& node) {
  std::vector<std::string> out;
  for (const auto& c : node["children"]) out.push_back(c["path"]);
  return out;
}

void put(runtime_fixture& f, const std::string& path, const std::string& parent, caf::actor a) {
  tree_node n;
  n.path = path;
  n.kind = "test";
  n.parent = parent;
  n.status = node_status::running;
  n.started = f.clock->now();
  n.handle = std::move(a);
  f.registry->put(std::move(n));
}

}  // namespace

TEST_CASE("a small tree becomes nested JSON with each actor's state", "[tree]") {
  runtime_fixture f;
  auto inner = f.spec("", strategy::one_for_one, {probe_child("x", f.log)});
  f.root(f.spec("/", strategy::one_for_one,
                {probe_child("a", f.log),
                 f.breaker_child("b"),
                 {"sub", "supervisor", supervisor_start(inner)}}));
  REQUIRE(f.eventually([&] { return f.registry->size() == 6; }));
  auto tree = json::parse(collect_tree_json(f.sys, *f.registry, 2000ms));
  CHECK(tree["path"] == "/");
  CHECK(tree["responsive"] == true);
  CHECK(tree["state"]["strategy"] == "one_for_one");
  CHECK(child_paths(tree) == std::vector<std::string>{"/a", "/b", "/sub"});
  auto a = child_at(tree, "/a");
  REQUIRE(a);
  CHECK((*a)["id"] == "a");
  CHECK((*a)["kind"] == "worker");
  CHECK((*a)["parent"] == "/");
  CHECK((*a)["status"] == "running");
  CHECK((*a)["restarts"] == 0);
  CHECK((*a)["state"]["worker"] == "/a");
  CHECK((*a)["children"].empty());
  auto breaker = child_at(tree, "/b");
  REQUIRE(breaker);
  CHECK((*breaker)["state"]["state"] == "closed");
  CHECK(child_paths(*breaker) == std::vector<std::string>{"/b/conn"});
  auto sub = child_at(tree, "/sub");
  REQUIRE(sub);
  CHECK(child_paths(*sub) == std::vector<std::string>{"/sub/x"});
  CHECK((*child_at(*sub, "/sub/x"))["responsive"] == true);
}

TEST_CASE("an actor that does not answer in time is marked unresponsive", "[tree]") {
  runtime_fixture f;
  f.root(f.spec("/", strategy::one_for_one, {probe_child("a", f.log)}));
  put(f, "/busy", "/", f.track(f.sys.spawn(silent)));
  put(f, "/busy/inner", "/busy", f.track(f.sys.spawn(silent)));
  put(f, "/busy/other", "/busy", f.track(f.sys.spawn(silent)));
  auto started = std::chrono::steady_clock::now();
  auto tree = json::parse(collect_tree_json(f.sys, *f.registry, 400ms));
  // Asked concurrently: three silent actors cost one timeout (400 ms), not three (1200 ms).
  auto took = std::chrono::steady_clock::now() - started;
  CHECK(took >= 400ms);
  CHECK(took < 1000ms);
  auto busy = child_at(tree, "/busy");
  REQUIRE(busy);
  CHECK((*busy)["responsive"] == false);
  CHECK((*busy)["state"].is_null());
  CHECK(child_paths(*busy) == std::vector<std::string>{"/busy/inner", "/busy/other"});
  auto a = child_at(tree, "/a");
  REQUIRE(a);
  CHECK((*a)["responsive"] == true);
  CHECK(tree["responsive"] == true);
}

TEST_CASE("without a registered root the tree is synthesised and orphans attach upward", "[tree]") {
  runtime_fixture f;
  auto probe = probe_start(f.log);
  put(f, "/tenants/acme/booking", "/tenants/acme", f.track(probe(f.sys, "/x", {})));
  put(f, "/db", "/", caf::actor{});  // a node without a live actor
  auto tree = json::parse(collect_tree_json(f.sys, *f.registry, 500ms));
  CHECK(tree["path"] == "/");
  CHECK(child_paths(tree) == std::vector<std::string>{"/db", "/tenants/acme/booking"});
  CHECK((*child_at(tree, "/db"))["responsive"] == false);
  CHECK((*child_at(tree, "/tenants/acme/booking"))["responsive"] == true);
}

TEST_CASE("inspect_node_json answers one node or nothing", "[tree]") {
  runtime_fixture f;
  f.root(f.spec("/", strategy::one_for_one, {probe_child("a", f.log)}));
  auto node = json::parse(inspect_node_json(f.sys, *f.registry, "/a", 1000ms));
  CHECK(node["path"] == "/a");
  CHECK(node["state"]["worker"] == "/a");
  CHECK(node.count("children") == 0);
  CHECK(inspect_node_json(f.sys, *f.registry, "/missing", 1000ms).empty());
}
