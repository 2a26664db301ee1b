// The supervisor's message protocol: start_child (both forms), stop_child, restart_child, child,
// which_children, inspect; simple_one_for_one with dynamic children; tree registration.
#include "tests/unit/runtime/runtime_fixture.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace askpro;
using namespace askpro::runtime;
using namespace askpro::testing;

namespace {

using ids = std::vector<std::string>;

errc code(const caf::error& err) {
  return code_of(err).value_or(errc::config);
}

/// A simple_one_for_one supervisor at /calls whose template is a probe worker.
caf::actor calls(runtime_fixture& f, restart_type restart) {
  auto s = f.spec("/calls", strategy::simple_one_for_one);
  s.child_template = probe_child("", f.log, restart);
  s.child_template.kind = "call";
  return f.root(s);
}

}  // namespace

TEST_CASE("start_child appends a static child and refuses bad ids", "[supervisor][protocol]") {
  runtime_fixture f;
  auto sup = f.root(f.spec("/s", strategy::one_for_one, {probe_child("a", f.log)}));
  auto x = f.ask<caf::actor>(sup, start_child_atom::value, probe_child("x", f.log));
  REQUIRE(x);
  CHECK(*x == f.at("/s/x"));
  CHECK(f.registry->find("/s/x")->parent == "/s");
  CHECK(f.ask<ids>(sup, which_children_atom::value) == ids{"a", "x"});
  auto dup = f.ask<caf::actor>(sup, start_child_atom::value, probe_child("a", f.log));
  REQUIRE_FALSE(dup);
  CHECK(code(dup.error()) == errc::conflict);
  auto slash = f.ask<caf::actor>(sup, start_child_atom::value, probe_child("a/b", f.log));
  REQUIRE_FALSE(slash);
  CHECK(code(slash.error()) == errc::invalid_argument);
  auto dynamic = f.ask<caf::actor>(sup, start_child_atom::value, std::string{"y"}, caf::message{});
  REQUIRE_FALSE(dynamic);
  CHECK(code(dynamic.error()) == errc::invalid_argument);
}

TEST_CASE("stop_child stops and forgets a child", "[supervisor][protocol]") {
  runtime_fixture f;
  auto sup = f.root(
      f.spec("/s", strategy::one_for_one, {probe_child("a", f.log), probe_child("b", f.log)}));
  auto b = f.at("/s/b");
  caf::scoped_actor watcher{f.sys};
  watcher->monitor(b);
  CHECK(f.ask<caf::ok_atom>(sup, stop_child_atom::value, std::string{"b"}));
  caf::error reason;
  watcher->receive([&](caf::down_msg& msg) { reason = msg.reason; });
  CHECK(reason == caf::exit_reason::user_shutdown);
  CHECK_FALSE(f.registry->find("/s/b"));
  CHECK(f.ask<ids>(sup, which_children_atom::value) == ids{"a"});
  auto missing = f.ask<caf::ok_atom>(sup, stop_child_atom::value, std::string{"b"});
  REQUIRE_FALSE(missing);
  CHECK(code(missing.error()) == errc::not_found);
}

TEST_CASE("restart_child replaces the incarnation and counts it", "[supervisor][protocol]") {
  runtime_fixture f;
  auto sup = f.root(f.spec("/s", strategy::one_for_one, {probe_child("a", f.log)}));
  auto old = f.at("/s/a");
  auto fresh = f.ask<caf::actor>(sup, restart_child_atom::value, std::string{"a"});
  REQUIRE(fresh);
  CHECK(*fresh != old);
  CHECK(f.at("/s/a") == *fresh);
  CHECK(f.restarts("/s/a") == 1);
  CHECK(f.registry->find("/s/a")->status == node_status::running);
  CHECK(f.log->matching("stop:") == ids{"stop:/s/a"});
  CHECK(f.ask<caf::actor>(sup, child_atom::value, std::string{"a"}) == *fresh);
  auto missing = f.ask<caf::actor>(sup, restart_child_atom::value, std::string{"zz"});
  REQUIRE_FALSE(missing);
  CHECK(code(missing.error()) == errc::not_found);
}

TEST_CASE("child answers the current incarnation or not_found", "[supervisor][protocol]") {
  runtime_fixture f;
  auto sup = f.root(f.spec("/s", strategy::one_for_one, {probe_child("a", f.log)}));
  auto a = f.ask<caf::actor>(sup, child_atom::value, std::string{"a"});
  REQUIRE(a);
  CHECK(*a == f.at("/s/a"));
  auto missing = f.ask<caf::actor>(sup, child_atom::value, std::string{"nope"});
  REQUIRE_FALSE(missing);
  CHECK(code(missing.error()) == errc::not_found);
}

TEST_CASE("inspect summarises the supervisor as JSON", "[supervisor][protocol]") {
  runtime_fixture f;
  auto s = f.spec("/s", strategy::rest_for_one, {probe_child("a", f.log), probe_child("b", f.log)});
  s.intensity = 7;
  s.period = 1234ms;
  auto sup = f.root(s);
  auto text = f.ask<std::string>(sup, inspect_atom::value);
  REQUIRE(text);
  auto j = nlohmann::json::parse(*text);
  CHECK(j["strategy"] == "rest_for_one");
  CHECK(j["intensity"] == 7);
  CHECK(j["period_ms"] == 1234);
  CHECK(j["children"] == 2);
  CHECK(j["restarts_in_window"] == 0);
  CHECK(j["terminating"] == false);
}

TEST_CASE("the root registers itself, nested supervisors are registered by their parent",
          "[supervisor][registry]") {
  runtime_fixture f;
  auto inner = f.spec("", strategy::one_for_all, {probe_child("w", f.log)});
  auto s = f.spec("/", strategy::one_for_one, {{"sub", "supervisor", supervisor_start(inner)}});
  s.kind = "root";
  auto root = f.root(s);
  auto self = f.registry->find("/");
  REQUIRE(self);
  CHECK(self->kind == "root");
  CHECK(self->parent.empty());
  CHECK(self->handle == root);
  auto sub = f.registry->find("/sub");
  REQUIRE(sub);
  CHECK(sub->kind == "supervisor");
  CHECK(sub->parent == "/");
  REQUIRE(f.eventually([&] { return f.registry->find("/sub/w").has_value(); }));
  CHECK(f.registry->find("/sub/w")->parent == "/sub");
}

TEST_CASE("simple_one_for_one starts dynamic children from the template with args",
          "[supervisor][simple_one_for_one]") {
  runtime_fixture f;
  auto sup = calls(f, restart_type::permanent);
  auto c1 = f.ask<caf::actor>(sup, start_child_atom::value, std::string{"c1"},
                              caf::make_message(std::string{"hello"}, 42));
  REQUIRE(c1);
  REQUIRE(f.ask<caf::actor>(sup, start_child_atom::value, std::string{"c2"}, caf::message{}));
  CHECK(f.ask<ids>(sup, which_children_atom::value) == ids{"c1", "c2"});
  auto node = f.registry->find("/calls/c1");
  REQUIRE(node);
  CHECK(node->kind == "call");
  CHECK(f.ask<std::string>(*c1, args_atom::value) ==
        caf::to_string(caf::make_message(std::string{"hello"}, 42)));
  auto dup = f.ask<caf::actor>(sup, start_child_atom::value, std::string{"c1"}, caf::message{});
  REQUIRE_FALSE(dup);
  CHECK(code(dup.error()) == errc::conflict);
  auto stat = f.ask<caf::actor>(sup, start_child_atom::value, probe_child("x", f.log));
  REQUIRE_FALSE(stat);
  CHECK(code(stat.error()) == errc::invalid_argument);
}

TEST_CASE("simple_one_for_one restarts a permanent child with the same args",
          "[supervisor][simple_one_for_one]") {
  runtime_fixture f;
  auto sup = calls(f, restart_type::permanent);
  auto c1 = f.ask<caf::actor>(sup, start_child_atom::value, std::string{"c1"},
                              caf::make_message(std::string{"call_8f2"}));
  REQUIRE(c1);
  caf::anon_send(*c1, crash_atom::value);
  auto fresh = f.replaced("/calls/c1", *c1);
  REQUIRE(fresh);
  CHECK(f.ask<std::string>(fresh, args_atom::value) ==
        caf::to_string(caf::make_message(std::string{"call_8f2"})));
}

TEST_CASE("simple_one_for_one forgets temporary children that end",
          "[supervisor][simple_one_for_one]") {
  runtime_fixture f;
  auto sup = calls(f, restart_type::temporary);
  auto c1 = f.ask<caf::actor>(sup, start_child_atom::value, std::string{"c1"}, caf::message{});
  auto c2 = f.ask<caf::actor>(sup, start_child_atom::value, std::string{"c2"}, caf::message{});
  REQUIRE(c1);
  REQUIRE(c2);
  caf::anon_send(*c1, crash_atom::value);
  caf::anon_send(*c2, finish_atom::value);
  REQUIRE(f.eventually([&] { return f.registry->size() == 0; }));
  CHECK(f.ask<ids>(sup, which_children_atom::value)->empty());
  // The id is free again.
  CHECK(f.ask<caf::actor>(sup, start_child_atom::value, std::string{"c1"}, caf::message{}));
}

TEST_CASE("simple_one_for_one stops all dynamic children when it stops",
          "[supervisor][simple_one_for_one]") {
  runtime_fixture f;
  auto sup = calls(f, restart_type::temporary);
  for (auto id : {"c1", "c2", "c3"})
    REQUIRE(f.ask<caf::actor>(sup, start_child_atom::value, std::string{id}, caf::message{}));
  caf::anon_send_exit(sup, caf::exit_reason::user_shutdown);
  REQUIRE(f.wait_down(sup));
  CHECK(f.log->matching("stop:").size() == 3);
  CHECK(f.registry->size() == 0);
}

TEST_CASE("a crash of a child that linked itself to the supervisor restarts only the child",
          "[supervisor][simple_one_for_one]") {
  runtime_fixture f;
  auto sup = calls(f, restart_type::permanent);
  auto c1 =
      f.ask<caf::actor>(sup, start_child_atom::value, std::string{"c1"}, caf::make_message(sup));
  REQUIRE(c1);
  REQUIRE(f.ask<caf::ok_atom>(*c1, ping_atom::value));  // it has linked itself by now
  caf::anon_send(*c1, crash_atom::value);
  REQUIRE(f.replaced("/calls/c1", *c1));
  CHECK(f.ask<caf::ok_atom>(sup, ping_atom::value));
  CHECK(f.ask<ids>(sup, which_children_atom::value) == ids{"c1"});
}
