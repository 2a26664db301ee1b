// The tree registry's path index: removing a subtree takes exactly that subtree (siblings sharing
// a name prefix stay), descendants are found under a path, and snapshots are sorted by path.
#include "runtime/tree_registry.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using askpro::runtime::tree_node;
using askpro::runtime::tree_registry;

namespace {

void put(tree_registry& reg, const std::string& path) {
  tree_node n;
  n.path = path;
  n.kind = "test";
  reg.put(n);
}

std::vector<std::string> paths(const tree_registry& reg) {
  std::vector<std::string> out;
  for (const auto& n : reg.snapshot()) out.push_back(n.path);
  return out;
}

void shared_prefixes(tree_registry& reg) {
  for (const char* p : {"/", "/a", "/a/b", "/a/b/c", "/a/b/c/d", "/a/bc", "/a/bc/x", "/a/b-x",
                        "/a/b.x", "/a/c", "/ab", "/b"})
    put(reg, p);
}

}  // namespace

TEST_CASE("registry removes a subtree and keeps siblings sharing its name prefix", "[registry]") {
  tree_registry reg;
  shared_prefixes(reg);
  reg.remove_subtree("/a/b");
  CHECK(paths(reg) == std::vector<std::string>{"/", "/a", "/a/b-x", "/a/b.x", "/a/bc", "/a/bc/x",
                                               "/a/c", "/ab", "/b"});
  CHECK_FALSE(reg.find("/a/b/c/d"));
  reg.remove_subtree("/a");
  CHECK(paths(reg) == std::vector<std::string>{"/", "/ab", "/b"});
}

TEST_CASE("registry removal of a missing path or a leaf touches nothing else", "[registry]") {
  tree_registry reg;
  shared_prefixes(reg);
  reg.remove_subtree("/a/bb");
  reg.remove_subtree("/zz");
  CHECK(reg.size() == 12);
  reg.remove_subtree("/a/b/c/d");
  CHECK(reg.size() == 11);
  CHECK(reg.find("/a/b/c"));
  // A missing node's descendants still go: a subtree is its paths, not its parent links.
  put(reg, "/q/r");
  reg.remove_subtree("/q");
  CHECK_FALSE(reg.find("/q/r"));
}

TEST_CASE("registry removal of the root empties it", "[registry]") {
  tree_registry reg;
  shared_prefixes(reg);
  reg.remove_subtree("/");
  CHECK(reg.size() == 0);
}

TEST_CASE("registry knows whether a path has descendants", "[registry]") {
  tree_registry reg;
  shared_prefixes(reg);
  CHECK(reg.has_descendants("/a/b"));
  CHECK(reg.has_descendants("/"));
  CHECK_FALSE(reg.has_descendants("/a/c"));  // "/a/c" has no child, "/a/bc" is no child of it
  CHECK_FALSE(reg.has_descendants("/ab"));
  CHECK_FALSE(reg.has_descendants("/a/b/c/d"));
  CHECK_FALSE(reg.has_descendants("/nothing"));
  put(reg, "/a/c/1");
  CHECK(reg.has_descendants("/a/c"));
  reg.remove_subtree("/a/c/1");
  CHECK_FALSE(reg.has_descendants("/a/c"));
  CHECK(reg.find("/a/c"));
}

TEST_CASE("registry removal among many siblings leaves the others", "[registry]") {
  tree_registry reg;
  put(reg, "/t/calls");
  for (int i = 0; i < 2000; ++i) put(reg, "/t/calls/c" + std::to_string(i));
  for (int i = 1; i < 2000; i += 2) reg.remove_subtree("/t/calls/c" + std::to_string(i));
  CHECK(reg.size() == 1001);
  CHECK_FALSE(reg.find("/t/calls/c1"));
  CHECK(reg.find("/t/calls/c10"));  // "c1" is a name prefix of "c10", not its parent
  CHECK(reg.find("/t/calls/c100"));
  CHECK_FALSE(reg.find("/t/calls/c11"));
  reg.remove_subtree("/t/calls");
  CHECK(reg.size() == 0);
}
