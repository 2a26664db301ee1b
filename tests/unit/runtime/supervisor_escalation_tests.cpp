// Restart intensity, escalation to the parent, ordered shutdown and the shutdown grace.
#include "tests/unit/runtime/runtime_fixture.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <stdexcept>

using namespace askpro;
using namespace askpro::runtime;
using namespace askpro::testing;

namespace {

/// Crashes the child at `path` and waits for its next incarnation.
caf::actor crash_and_wait(runtime_fixture& f, const std::string& path) {
  auto old = f.at(path);
  REQUIRE(old);
  caf::anon_send(old, crash_atom::value);
  return f.replaced(path, old);
}

}  // namespace

TEST_CASE("exceeding the intensity stops the children in reverse and exits with an error",
          "[supervisor][intensity]") {
  runtime_fixture f;
  auto s = f.spec("/", strategy::one_for_one,
                  {probe_child("a", f.log), probe_child("b", f.log), probe_child("c", f.log)});
  s.intensity = 2;
  auto sup = f.root(s);
  REQUIRE(f.registry->find("/"));
  REQUIRE(crash_and_wait(f, "/b"));
  REQUIRE(crash_and_wait(f, "/b"));
  caf::anon_send(f.at("/b"), crash_atom::value);  // the third restart within the period
  auto reason = f.wait_down(sup);
  REQUIRE(reason);
  CHECK(code_of(*reason) == errc::internal);
  CHECK(detail_of(*reason) == "restart intensity exceeded");
  auto stops = f.log->matching("stop:");
  REQUIRE(stops.size() >= 2);
  CHECK(std::vector<std::string>(stops.end() - 2, stops.end()) ==
        std::vector<std::string>{"stop:/c", "stop:/a"});
  CHECK(f.eventually([&] { return f.registry->size() == 0; }));
}

TEST_CASE("restarts spread beyond the period do not escalate", "[supervisor][intensity]") {
  runtime_fixture f;
  auto s = f.spec("/s", strategy::one_for_one, {probe_child("w", f.log)});
  s.intensity = 1;
  s.period = 5000ms;
  auto sup = f.root(s);
  for (int i = 0; i < 3; ++i) {
    REQUIRE(crash_and_wait(f, "/s/w"));
    f.clock->advance(6s);  // the previous restart leaves the window
  }
  CHECK(f.restarts("/s/w") == 3);
  auto info = f.ask<std::string>(sup, inspect_atom::value);
  REQUIRE(info);
  CHECK(nlohmann::json::parse(*info)["restarts_in_window"] == 0);
  CHECK(f.ask<caf::ok_atom>(sup, ping_atom::value));
}

TEST_CASE("an escalating supervisor is restarted by its parent", "[supervisor][intensity]") {
  runtime_fixture f;
  auto inner = f.spec("", strategy::one_for_one, {probe_child("w", f.log)});
  inner.intensity = 1;
  child_spec sub{"sub", "supervisor", supervisor_start(inner)};
  auto root = f.root(f.spec("/", strategy::one_for_one, {sub, probe_child("other", f.log)}));
  REQUIRE(f.eventually([&] { return static_cast<bool>(f.at("/sub/w")); }));
  auto old_sub = f.at("/sub");
  auto other = f.at("/other");
  REQUIRE(crash_and_wait(f, "/sub/w"));
  caf::anon_send(f.at("/sub/w"), crash_atom::value);  // exceeds the inner intensity
  auto reason = f.wait_down(old_sub);
  REQUIRE(reason);
  CHECK(detail_of(*reason) == "restart intensity exceeded");
  auto new_sub = f.replaced("/sub", old_sub);
  REQUIRE(new_sub);
  CHECK(f.restarts("/sub") == 1);
  CHECK(f.registry->find("/sub")->last_exit_reason == "internal: restart intensity exceeded");
  REQUIRE(f.eventually([&] { return f.restarts("/sub/w") == 0; }));  // a fresh incarnation
  CHECK(f.at("/other") == other);
  CHECK(f.ask<caf::ok_atom>(root, ping_atom::value));
  CHECK(f.ask<caf::actor>(new_sub, child_atom::value, std::string{"w"}));
}

TEST_CASE("stopping a supervisor stops its children in reverse order", "[supervisor][shutdown]") {
  runtime_fixture f;
  auto sup =
      f.root(f.spec("/", strategy::one_for_one,
                    {probe_child("a", f.log), probe_child("b", f.log), probe_child("c", f.log)}));
  caf::anon_send_exit(sup, caf::exit_reason::user_shutdown);
  auto reason = f.wait_down(sup);
  REQUIRE(reason);
  CHECK(*reason == caf::exit_reason::user_shutdown);
  CHECK(f.log->matching("stop:") == std::vector<std::string>{"stop:/c", "stop:/b", "stop:/a"});
  CHECK(f.registry->size() == 0);
}

TEST_CASE("a child that ignores the shutdown is killed after its grace", "[supervisor][shutdown]") {
  runtime_fixture f;
  child_spec stubborn{"stubborn", "worker", probe_start(f.log, true), restart_type::permanent,
                      100ms};
  auto sup = f.root(f.spec("/s", strategy::one_for_one, {probe_child("a", f.log), stubborn}));
  auto child = f.at("/s/stubborn");
  caf::scoped_actor watcher{f.sys};
  watcher->monitor(child);
  auto started = std::chrono::steady_clock::now();
  CHECK(f.ask<caf::ok_atom>(sup, stop_child_atom::value, std::string{"stubborn"}));
  CHECK(std::chrono::steady_clock::now() - started >= 90ms);
  caf::error reason;
  watcher->receive([&](caf::down_msg& msg) { reason = msg.reason; });
  CHECK(reason == caf::exit_reason::kill);
  CHECK_FALSE(f.registry->find("/s/stubborn"));
  CHECK(f.at("/s/a"));
}

TEST_CASE("the grace applies during an ordered shutdown too", "[supervisor][shutdown]") {
  runtime_fixture f;
  child_spec stubborn{"b", "worker", probe_start(f.log, true), restart_type::permanent, 50ms};
  auto sup = f.root(f.spec("/s", strategy::one_for_one,
                           {probe_child("a", f.log), stubborn, probe_child("c", f.log)}));
  caf::anon_send_exit(sup, caf::exit_reason::user_shutdown);
  REQUIRE(f.wait_down(sup));
  CHECK(f.log->matching("stop:") ==
        std::vector<std::string>{"stop:/s/c", "stop:/s/b", "stop:/s/a"});
}

TEST_CASE("a zero shutdown kills at once", "[supervisor][shutdown]") {
  runtime_fixture f;
  child_spec brutal{"b", "worker", probe_start(f.log, true), restart_type::permanent, 0ms};
  auto sup = f.root(f.spec("/s", strategy::one_for_one, {brutal}));
  auto child = f.at("/s/b");
  CHECK(f.ask<caf::ok_atom>(sup, stop_child_atom::value, std::string{"b"}));
  auto reason = f.wait_down(child);
  REQUIRE(reason);
  CHECK(*reason == caf::exit_reason::kill);
}

TEST_CASE("killing a supervisor takes its children down", "[supervisor][shutdown]") {
  runtime_fixture f;
  auto sup = f.root(
      f.spec("/s", strategy::one_for_one, {probe_child("a", f.log), probe_child("b", f.log)}));
  auto a = f.at("/s/a");
  auto b = f.at("/s/b");
  caf::anon_send_exit(sup, caf::exit_reason::kill);
  CHECK(f.wait_down(a) == caf::error{caf::exit_reason::kill});
  CHECK(f.wait_down(b) == caf::error{caf::exit_reason::kill});
  CHECK(f.eventually([&] { return f.registry->size() == 0; }));
}

TEST_CASE("a normal exit from a non-child is ignored", "[supervisor][shutdown]") {
  runtime_fixture f;
  auto sup = f.root(f.spec("/s", strategy::one_for_one, {probe_child("a", f.log)}));
  caf::anon_send_exit(sup, caf::exit_reason::normal);
  CHECK(f.ask<caf::ok_atom>(sup, ping_atom::value));
  CHECK(f.ask<caf::ok_atom>(f.at("/s/a"), ping_atom::value));
}

TEST_CASE("a child that fails to start fails the supervisor's start-up", "[supervisor][start]") {
  runtime_fixture f;
  start_fn throwing = [](caf::actor_system&, const std::string&,
                         const caf::message&) -> caf::actor {
    throw std::runtime_error("no connection");
  };
  auto sup = f.root(
      f.spec("/s", strategy::one_for_one, {probe_child("a", f.log), {"bad", "worker", throwing}}));
  auto reason = f.wait_down(sup);
  REQUIRE(reason);
  CHECK(code_of(*reason) == errc::internal);
  CHECK(f.log->matching("stop:") == std::vector<std::string>{"stop:/s/a"});
}

TEST_CASE("failing restarts count against the intensity", "[supervisor][intensity]") {
  runtime_fixture f;
  auto starts = std::make_shared<std::atomic<int>>(0);
  auto inner = probe_start(f.log);
  start_fn once = [starts, inner](caf::actor_system& sys, const std::string& path,
                                  const caf::message& args) {
    if (starts->fetch_add(1) > 0) throw std::runtime_error("cannot start again");
    return inner(sys, path, args);
  };
  auto s = f.spec("/s", strategy::one_for_one, {{"w", "worker", once}});
  s.intensity = 2;
  auto sup = f.root(s);
  caf::anon_send(f.at("/s/w"), crash_atom::value);
  auto reason = f.wait_down(sup);
  REQUIRE(reason);
  CHECK(detail_of(*reason) == "restart intensity exceeded");
  CHECK(starts->load() == 3);  // the first start and two failed restarts; the third escalates
}
