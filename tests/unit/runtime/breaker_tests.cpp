// The circuit-breaker actor: forwarding, transitions on a manual clock, exactly one half-open
// trial, growing reset timeouts, call timeouts, child restarts, operator controls, inspect.
#include "runtime/breaker.hpp"
#include "tests/unit/runtime/runtime_fixture.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace askpro;
using namespace askpro::runtime;
using namespace askpro::testing;

namespace {

using call_atom = caf::atom_constant<caf::atom("call")>;
using release_atom = caf::atom_constant<caf::atom("release")>;

/// A calendar-connection stand-in. (call, mode): "ok" answers, "fail" answers errc::storage,
/// "taken" errc::slot_taken, "hang" never answers, "hold" answers on (release), "crash" dies.
caf::behavior conn(caf::event_based_actor* self, std::shared_ptr<std::atomic<int>> calls,
                   probe_ptr log, std::string path) {
  auto held = std::make_shared<std::vector<caf::response_promise>>();
  self->attach_functor([log, path](const caf::error&) { log->add("stop:" + path); });
  return {
      [=](call_atom, const std::string& mode) -> caf::result<std::string> {
        ++*calls;
        if (mode == "fail") return make_error(errc::storage, "backend down");
        if (mode == "taken") return make_error(errc::slot_taken, "taken");
        if (mode == "hang") return caf::delegated<std::string>{};
        if (mode == "crash") {
          self->quit(make_error(errc::internal, "connection crashed"));
          return caf::delegated<std::string>{};
        }
        if (mode == "hold") {
          held->push_back(self->make_response_promise());
          return caf::delegated<std::string>{};
        }
        return std::string{"ok"};
      },
      [=](release_atom) {
        for (auto& rp : *held) rp.deliver(std::string{"released"});
        held->clear();
      },
      [](inspect_atom) { return std::string{"{\"conn\":true}"}; },
  };
}

struct breaker_fixture : runtime_fixture {
  std::shared_ptr<std::atomic<int>> calls = std::make_shared<std::atomic<int>>(0);

  breaker_spec bspec() {
    breaker_spec s;
    s.path = "/b";
    auto counter = calls;
    auto events = log;
    s.child = {
        "conn", "calendar",
        [counter, events](caf::actor_system& sys, const std::string& path, const caf::message&) {
          return sys.spawn(conn, counter, events, path);
        }};
    s.max_failures = 3;
    s.call_timeout = 2000ms;
    s.reset_timeout = 1000ms;
    s.max_reset_timeout = 3000ms;
    s.multiplier = 2.0;
    s.registry = registry;
    s.clock = clock;
    return s;
  }
  caf::actor start(breaker_spec s) { return track(spawn_breaker(sys, std::move(s))); }
  caf::actor start() { return start(bspec()); }

  Result<std::string> call(const caf::actor& b, const std::string& mode) {
    return ask<std::string>(b, call_atom::value, mode);
  }
  std::string state(const caf::actor& b) {
    auto r = ask<std::string>(b, breaker_state_atom::value);
    return r ? *r : "?";
  }
  nlohmann::json inspect(const caf::actor& b) {
    auto text = ask<std::string>(b, inspect_atom::value);
    REQUIRE(text);
    return nlohmann::json::parse(*text);
  }
  void trip(const caf::actor& b) {
    for (int i = 0; i < 3; ++i) REQUIRE_FALSE(call(b, "fail"));
    REQUIRE(state(b) == "open");
  }
};

errc code(const Result<std::string>& r) {
  REQUIRE_FALSE(r);
  return code_of(r.error()).value_or(errc::config);
}

}  // namespace

TEST_CASE_METHOD(breaker_fixture, "the breaker forwards requests and relays answers", "[breaker]") {
  auto b = start();
  CHECK(call(b, "ok") == std::string{"ok"});
  CHECK(code(call(b, "taken")) == errc::slot_taken);
  CHECK(calls->load() == 2);
  CHECK(state(b) == "closed");
  auto node = registry->find("/b/conn");
  REQUIRE(node);
  CHECK(node->parent == "/b");
  CHECK(node->kind == "calendar");
}

TEST_CASE_METHOD(breaker_fixture, "max_failures consecutive failures open it and open fails fast",
                 "[breaker]") {
  auto b = start();
  for (int i = 0; i < 2; ++i) CHECK(code(call(b, "fail")) == errc::storage);
  CHECK(state(b) == "closed");
  CHECK(code(call(b, "fail")) == errc::storage);
  CHECK(state(b) == "open");
  CHECK(code(call(b, "ok")) == errc::unavailable);
  CHECK(code(call(b, "ok")) == errc::unavailable);
  CHECK(calls->load() == 3);  // the child was not called while open
  auto j = inspect(b);
  CHECK(j["total_rejections"] == 2);
  CHECK(j["total_failures"] == 3);
  CHECK(j["consecutive_failures"] == 3);
  CHECK(j["opened_at"].is_string());
  REQUIRE(j["transitions"].size() == 1);
  CHECK(j["transitions"][0]["from"] == "closed");
  CHECK(j["transitions"][0]["to"] == "open");
}

TEST_CASE_METHOD(breaker_fixture, "a success resets the consecutive failures", "[breaker]") {
  auto b = start();
  REQUIRE_FALSE(call(b, "fail"));
  REQUIRE_FALSE(call(b, "fail"));
  REQUIRE(call(b, "ok"));
  REQUIRE_FALSE(call(b, "fail"));
  REQUIRE_FALSE(call(b, "fail"));
  CHECK(state(b) == "closed");
  CHECK(inspect(b)["consecutive_failures"] == 2);
}

TEST_CASE_METHOD(breaker_fixture, "business errors do not count as failures", "[breaker]") {
  auto b = start();
  for (int i = 0; i < 5; ++i) CHECK(code(call(b, "taken")) == errc::slot_taken);
  CHECK(state(b) == "closed");
  auto j = inspect(b);
  CHECK(j["total_failures"] == 0);
  CHECK(j["total_successes"] == 5);
}

TEST_CASE_METHOD(breaker_fixture, "the fail-fast error is configurable", "[breaker]") {
  auto s = bspec();
  s.open_error = errc::calendar_unavailable;
  auto b = start(s);
  REQUIRE(ask<caf::ok_atom>(b, breaker_open_atom::value));
  CHECK(code(call(b, "ok")) == errc::calendar_unavailable);
  CHECK(calls->load() == 0);
}

TEST_CASE_METHOD(breaker_fixture,
                 "after the reset timeout one trial goes through, a success closes", "[breaker]") {
  auto b = start();
  trip(b);
  clock->advance(999ms);
  CHECK(code(call(b, "ok")) == errc::unavailable);
  CHECK(calls->load() == 3);
  clock->advance(1ms);
  CHECK(state(b) == "half_open");  // evaluated lazily when asked
  CHECK(call(b, "ok") == std::string{"ok"});
  CHECK(state(b) == "closed");
  auto j = inspect(b);
  CHECK(j["reset_timeout_ms"] == 1000);
  CHECK(j["consecutive_failures"] == 0);
  CHECK(j["opened_at"].is_null());
}

TEST_CASE_METHOD(breaker_fixture, "half-open lets exactly one trial through", "[breaker]") {
  auto b = start();
  trip(b);
  clock->advance(1000ms);
  caf::scoped_actor self{sys};
  auto trial = self->request(b, std::chrono::seconds(5), call_atom::value, std::string{"hold"});
  auto other = self->request(b, std::chrono::seconds(5), call_atom::value, std::string{"ok"});
  errc other_code = errc::config;
  other.receive([](std::string&) { FAIL("a second call went through"); },
                [&](caf::error& err) { other_code = code_of(err).value_or(errc::config); });
  CHECK(other_code == errc::unavailable);
  CHECK(inspect(b)["trial_in_flight"] == true);
  // The trial reaches the child (three failures before it); release it once it is held there.
  REQUIRE(eventually([&] { return calls->load() == 4; }));
  caf::anon_send(at("/b/conn"), release_atom::value);
  std::string answer;
  trial.receive([&](std::string& x) { answer = x; }, [](caf::error&) {});
  CHECK(answer == "released");
  CHECK(state(b) == "closed");
  CHECK(calls->load() == 4);  // the rejected call never reached the child
}

TEST_CASE_METHOD(breaker_fixture,
                 "failed trials grow the reset timeout to its cap, a success resets", "[breaker]") {
  auto b = start();
  trip(b);
  clock->advance(1000ms);
  CHECK(code(call(b, "fail")) == errc::storage);  // the trial fails
  CHECK(state(b) == "open");
  CHECK(inspect(b)["reset_timeout_ms"] == 2000);
  clock->advance(1999ms);
  CHECK(code(call(b, "ok")) == errc::unavailable);
  clock->advance(1ms);
  CHECK(code(call(b, "fail")) == errc::storage);
  CHECK(inspect(b)["reset_timeout_ms"] == 3000);  // 4000 capped at 3000
  clock->advance(3000ms);
  CHECK(code(call(b, "fail")) == errc::storage);
  CHECK(inspect(b)["reset_timeout_ms"] == 3000);
  clock->advance(3000ms);
  CHECK(call(b, "ok") == std::string{"ok"});
  CHECK(state(b) == "closed");
  CHECK(inspect(b)["reset_timeout_ms"] == 1000);
  CHECK(calls->load() == 7);
}

TEST_CASE_METHOD(breaker_fixture, "a call timeout counts as a failure", "[breaker]") {
  auto s = bspec();
  s.call_timeout = 50ms;
  s.max_failures = 2;
  auto b = start(s);
  CHECK(code(call(b, "hang")) == errc::timeout);
  CHECK(state(b) == "closed");
  CHECK(code(call(b, "hang")) == errc::timeout);
  CHECK(state(b) == "open");
}

TEST_CASE_METHOD(breaker_fixture, "a crashing child is restarted and the breaker keeps working",
                 "[breaker]") {
  auto b = start();
  REQUIRE(call(b, "ok"));
  auto old = at("/b/conn");
  CHECK(code(call(b, "crash")) == errc::unavailable);  // at once, not after the call timeout
  REQUIRE(replaced("/b/conn", old));
  CHECK(restarts("/b/conn") == 1);
  CHECK(call(b, "ok") == std::string{"ok"});
  auto j = inspect(b);
  CHECK(j["child_restarts"] == 1);
  CHECK(j["total_failures"] == 1);
  CHECK(j["breaker"] == "closed");
}

TEST_CASE_METHOD(breaker_fixture, "operators can open and reset the breaker", "[breaker]") {
  auto b = start();
  REQUIRE(ask<caf::ok_atom>(b, breaker_open_atom::value));
  CHECK(state(b) == "open");
  CHECK(code(call(b, "ok")) == errc::unavailable);
  CHECK(calls->load() == 0);
  REQUIRE(ask<caf::ok_atom>(b, breaker_reset_atom::value));
  CHECK(state(b) == "closed");
  CHECK(call(b, "ok") == std::string{"ok"});
  auto transitions = inspect(b)["transitions"];
  REQUIRE(transitions.size() == 2);
  CHECK(transitions[0]["reason"] == "opened by operator");
  CHECK(transitions[1]["reason"] == "reset by operator");
  CHECK(transitions[1]["to"] == "closed");
}

TEST_CASE_METHOD(breaker_fixture, "inspect reports the configuration and the child", "[breaker]") {
  auto b = start();
  auto j = inspect(b);
  CHECK(j["kind"] == "breaker");
  CHECK(j["breaker"] == "closed");
  CHECK(j["state"] == "closed");
  CHECK(j["max_failures"] == 3);
  CHECK(j["call_timeout_ms"] == 2000);
  CHECK(j["base_reset_timeout_ms"] == 1000);
  CHECK(j["max_reset_timeout_ms"] == 3000);
  CHECK(j["child"] == "/b/conn");
  CHECK(j["child_restarts"] == 0);
  CHECK(j["transitions"].empty());
}

TEST_CASE_METHOD(breaker_fixture, "a breaker under a supervisor stops with its child",
                 "[breaker][supervisor]") {
  auto s = bspec();
  auto root = this->root(this->spec("/", strategy::one_for_one,
                                    {probe_child("before", log),
                                     {"cal", "breaker", breaker_start(s)},
                                     probe_child("after", log)}));
  REQUIRE(eventually([&] { return registry->find("/cal/conn").has_value(); }));
  CHECK(registry->find("/cal")->kind == "breaker");
  CHECK(call(at("/cal"), "ok") == std::string{"ok"});
  caf::anon_send_exit(root, caf::exit_reason::user_shutdown);
  REQUIRE(wait_down(root));
  CHECK(log->matching("stop:") ==
        std::vector<std::string>{"stop:/after", "stop:/cal/conn", "stop:/before"});
  CHECK(registry->size() == 0);
}

TEST_CASE_METHOD(breaker_fixture, "a breaker gives up when its child keeps crashing", "[breaker]") {
  auto s = bspec();
  s.intensity = 1;
  auto b = start(s);
  REQUIRE(call(b, "ok"));
  auto old = at("/b/conn");
  CHECK_FALSE(call(b, "crash"));
  REQUIRE(replaced("/b/conn", old));
  CHECK_FALSE(call(b, "crash"));
  auto reason = wait_down(b);
  REQUIRE(reason);
  CHECK(detail_of(*reason) == "restart intensity exceeded");
}

TEST_CASE_METHOD(breaker_fixture, "plain sends are passed on to the child untracked", "[breaker]") {
  auto b = start();
  caf::scoped_actor self{sys};
  auto held = self->request(b, std::chrono::seconds(5), call_atom::value, std::string{"hold"});
  REQUIRE(eventually([&] { return calls->load() == 1; }));
  caf::anon_send(b, release_atom::value);  // not a request: forwarded without an outcome
  std::string answer;
  held.receive([&](std::string& x) { answer = x; }, [](caf::error&) {});
  CHECK(answer == "released");
  auto j = inspect(b);
  CHECK(j["total_successes"] == 1);
  CHECK(j["calls_in_flight"] == 0);
}
