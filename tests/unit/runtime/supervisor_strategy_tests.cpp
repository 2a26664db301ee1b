// Restart strategies and restart types, after OTP's supervisor_SUITE: kill children, then assert
// which were restarted (new handles), which survived (same handles) and the restart counts.
#include "tests/unit/runtime/runtime_fixture.hpp"

#include <catch2/catch.hpp>

using namespace askpro;
using namespace askpro::runtime;
using namespace askpro::testing;

namespace {

/// Three probe workers a, b, c under a supervisor at /s with strategy `strat`.
caf::actor abc(runtime_fixture& f, strategy strat) {
  return f.root(f.spec(
      "/s", strat, {probe_child("a", f.log), probe_child("b", f.log), probe_child("c", f.log)}));
}

struct handles {
  caf::actor a, b, c;
};

handles current(runtime_fixture& f) {
  return {f.at("/s/a"), f.at("/s/b"), f.at("/s/c")};
}

}  // namespace

TEST_CASE("children start in order and are registered under the supervisor", "[supervisor]") {
  runtime_fixture f;
  abc(f, strategy::one_for_one);
  CHECK(f.log->matching("start:") ==
        std::vector<std::string>{"start:/s/a", "start:/s/b", "start:/s/c"});
  auto node = f.registry->find("/s/b");
  REQUIRE(node);
  CHECK(node->kind == "worker");
  CHECK(node->parent == "/s");
  CHECK(node->status == node_status::running);
  CHECK(node->started == f.clock->now());
  CHECK(node->restarts == 0);
  CHECK(f.ask<caf::ok_atom>(node->handle, ping_atom::value));
}

TEST_CASE("one_for_one restarts only the killed child", "[supervisor][one_for_one]") {
  runtime_fixture f;
  abc(f, strategy::one_for_one);
  auto before = current(f);
  caf::anon_send_exit(before.b, caf::exit_reason::kill);
  auto b2 = f.replaced("/s/b", before.b);
  REQUIRE(b2);
  CHECK(f.at("/s/a") == before.a);
  CHECK(f.at("/s/c") == before.c);
  CHECK(f.restarts("/s/b") == 1);
  CHECK(f.restarts("/s/a") == 0);
  CHECK(f.restarts("/s/c") == 0);
  CHECK_FALSE(f.registry->find("/s/b")->last_exit_reason.empty());
  CHECK(f.ask<caf::ok_atom>(b2, ping_atom::value));
}

TEST_CASE("one_for_one restarts a child that crashes on a message", "[supervisor][one_for_one]") {
  runtime_fixture f;
  abc(f, strategy::one_for_one);
  auto before = current(f);
  caf::anon_send(before.c, crash_atom::value);
  auto c2 = f.replaced("/s/c", before.c);
  REQUIRE(c2);
  CHECK(f.registry->find("/s/c")->last_exit_reason == "internal: crash on request");
  CHECK(f.at("/s/a") == before.a);
  CHECK(f.at("/s/b") == before.b);
}

TEST_CASE("one_for_all restarts every child: stop in reverse, start in order",
          "[supervisor][one_for_all]") {
  runtime_fixture f;
  auto sup = abc(f, strategy::one_for_all);
  auto before = current(f);
  caf::anon_send_exit(before.b, caf::exit_reason::kill);
  REQUIRE(f.replaced("/s/a", before.a));
  REQUIRE(f.replaced("/s/b", before.b));
  REQUIRE(f.replaced("/s/c", before.c));
  // b died first; the supervisor then stopped c before a, and started a, b, c again.
  CHECK(f.log->matching("stop:") ==
        std::vector<std::string>{"stop:/s/b", "stop:/s/c", "stop:/s/a"});
  auto starts = f.log->matching("start:");
  REQUIRE(starts.size() == 6);
  CHECK(std::vector<std::string>(starts.begin() + 3, starts.end()) ==
        std::vector<std::string>{"start:/s/a", "start:/s/b", "start:/s/c"});
  CHECK(f.restarts("/s/a") == 1);
  CHECK(f.restarts("/s/b") == 1);
  CHECK(f.restarts("/s/c") == 1);
  // The group restart counts once against the intensity.
  auto info = f.ask<std::string>(sup, inspect_atom::value);
  REQUIRE(info);
  CHECK(info->find("\"restarts_in_window\":1") != std::string::npos);
}

TEST_CASE("rest_for_one restarts the child and those started after it",
          "[supervisor][rest_for_one]") {
  runtime_fixture f;
  abc(f, strategy::rest_for_one);
  auto before = current(f);
  caf::anon_send_exit(before.b, caf::exit_reason::kill);
  REQUIRE(f.replaced("/s/b", before.b));
  REQUIRE(f.replaced("/s/c", before.c));
  CHECK(f.at("/s/a") == before.a);
  CHECK(f.restarts("/s/a") == 0);
  CHECK(f.restarts("/s/b") == 1);
  CHECK(f.restarts("/s/c") == 1);
  CHECK(f.log->matching("stop:") == std::vector<std::string>{"stop:/s/b", "stop:/s/c"});
  auto starts = f.log->matching("start:");
  REQUIRE(starts.size() == 5);
  CHECK(starts[3] == "start:/s/b");
  CHECK(starts[4] == "start:/s/c");
}

TEST_CASE("rest_for_one: killing the last child restarts only it", "[supervisor][rest_for_one]") {
  runtime_fixture f;
  abc(f, strategy::rest_for_one);
  auto before = current(f);
  caf::anon_send_exit(before.c, caf::exit_reason::kill);
  REQUIRE(f.replaced("/s/c", before.c));
  CHECK(f.at("/s/a") == before.a);
  CHECK(f.at("/s/b") == before.b);
}

TEST_CASE("permanent children are restarted even after a normal exit", "[supervisor][restart]") {
  runtime_fixture f;
  f.root(f.spec("/s", strategy::one_for_one, {probe_child("p", f.log, restart_type::permanent)}));
  auto old = f.at("/s/p");
  caf::anon_send(old, finish_atom::value);
  REQUIRE(f.replaced("/s/p", old));
  CHECK(f.restarts("/s/p") == 1);
  CHECK(f.registry->find("/s/p")->last_exit_reason == "normal");
}

TEST_CASE("transient children: a normal exit is final, an abnormal one restarts",
          "[supervisor][restart]") {
  runtime_fixture f;
  auto sup = f.root(f.spec("/s", strategy::one_for_one,
                           {probe_child("t1", f.log, restart_type::transient),
                            probe_child("t2", f.log, restart_type::transient)}));
  auto t1 = f.at("/s/t1");
  auto t2 = f.at("/s/t2");
  caf::anon_send(t1, crash_atom::value);
  REQUIRE(f.replaced("/s/t1", t1));
  CHECK(f.restarts("/s/t1") == 1);

  caf::anon_send(t2, finish_atom::value);
  REQUIRE(f.eventually([&] { return !f.registry->find("/s/t2"); }));
  auto ids = f.ask<std::vector<std::string>>(sup, which_children_atom::value);
  REQUIRE(ids);
  CHECK(*ids == std::vector<std::string>{"t1"});
}

TEST_CASE("transient children count user_shutdown from elsewhere as normal",
          "[supervisor][restart]") {
  runtime_fixture f;
  auto sup = f.root(
      f.spec("/s", strategy::one_for_one, {probe_child("t", f.log, restart_type::transient)}));
  caf::anon_send_exit(f.at("/s/t"), caf::exit_reason::user_shutdown);
  REQUIRE(f.eventually([&] { return !f.registry->find("/s/t"); }));
  CHECK(f.ask<std::vector<std::string>>(sup, which_children_atom::value)->empty());
}

TEST_CASE("temporary children are never restarted and are forgotten", "[supervisor][restart]") {
  runtime_fixture f;
  auto sup = f.root(
      f.spec("/s", strategy::one_for_all,
             {probe_child("keep", f.log), probe_child("tmp", f.log, restart_type::temporary)}));
  auto keep = f.at("/s/keep");
  caf::anon_send_exit(f.at("/s/tmp"), caf::exit_reason::kill);
  REQUIRE(f.eventually([&] { return !f.registry->find("/s/tmp"); }));
  // A temporary child's death restarts nobody, even under one_for_all.
  CHECK(f.ask<std::vector<std::string>>(sup, which_children_atom::value) ==
        std::vector<std::string>{"keep"});
  CHECK(f.at("/s/keep") == keep);
  CHECK(f.log->count("start:/s/tmp") == 1);
}

TEST_CASE("one_for_all stops a temporary sibling and does not bring it back",
          "[supervisor][restart]") {
  runtime_fixture f;
  auto sup = f.root(
      f.spec("/s", strategy::one_for_all,
             {probe_child("tmp", f.log, restart_type::temporary), probe_child("perm", f.log)}));
  auto perm = f.at("/s/perm");
  caf::anon_send_exit(perm, caf::exit_reason::kill);
  REQUIRE(f.replaced("/s/perm", perm));
  REQUIRE(f.eventually([&] { return !f.registry->find("/s/tmp"); }));
  CHECK(f.log->count("stop:/s/tmp") == 1);
  CHECK(f.log->count("start:/s/tmp") == 1);
  CHECK(f.ask<std::vector<std::string>>(sup, which_children_atom::value) ==
        std::vector<std::string>{"perm"});
}
