// The metrics library: Prometheus text exposition (escaping, numbers, cumulative histograms),
// labelled families (stable series, removal, sorted output) and the tree's figures.
#include "runtime/breaker.hpp"
#include "runtime/bridge.hpp"
#include "runtime/metrics/exposition.hpp"
#include "runtime/metrics/family.hpp"
#include "runtime/metrics/registry.hpp"
#include "runtime/metrics/tree_metrics.hpp"
#include "tests/unit/runtime/runtime_fixture.hpp"

#include <catch2/catch.hpp>

#include <thread>
#include <vector>

using namespace askpro;
using namespace askpro::runtime;
using namespace askpro::testing;
using namespace askpro::runtime::metrics;

namespace {

bool has_line(const std::string& text, const std::string& line) {
  return text.find("\n" + line + "\n") != std::string::npos || text.rfind(line + "\n", 0) == 0;
}

}  // namespace

TEST_CASE("exposition escapes label values and formats numbers", "[metrics]") {
  exposition out;
  out.family("x_total", "An example.", "counter");
  out.sample("x_total", {{"path", "a\"b\\c\nd"}}, 3);
  out.sample("x_total", {}, 0.25);
  const auto& t = out.text();
  CHECK(has_line(t, "# HELP x_total An example."));
  CHECK(has_line(t, "# TYPE x_total counter"));
  CHECK(has_line(t, R"(x_total{path="a\"b\\c\nd"} 3)"));
  CHECK(has_line(t, "x_total 0.25"));
  CHECK(format_number(1e20) == "1e+20");
  CHECK(format_number(-2) == "-2");
}

TEST_CASE("a histogram is written cumulatively with sum and count", "[metrics]") {
  histogram h;
  h.observe(0.0004);  // first bucket (0.0005)
  h.observe(0.003);   // 0.005
  h.observe(0.003);
  h.observe(42);  // above every bound
  exposition out;
  out.histogram_series("lat_seconds", {{"route", "/a"}}, h);
  const auto& t = out.text();
  CHECK(has_line(t, R"(lat_seconds_bucket{route="/a",le="0.0005"} 1)"));
  CHECK(has_line(t, R"(lat_seconds_bucket{route="/a",le="0.0025"} 1)"));
  CHECK(has_line(t, R"(lat_seconds_bucket{route="/a",le="0.005"} 3)"));
  CHECK(has_line(t, R"(lat_seconds_bucket{route="/a",le="10"} 3)"));
  CHECK(has_line(t, R"(lat_seconds_bucket{route="/a",le="+Inf"} 4)"));
  CHECK(has_line(t, R"(lat_seconds_count{route="/a"} 4)"));
  CHECK(t.find("lat_seconds_sum{route=\"/a\"} 42.0064") != std::string::npos);
}

TEST_CASE("a family keeps one series per label values, sorted, and removes them", "[metrics]") {
  family<counter, 2> f{"calls_total", "Calls.", {"tenant", "outcome"}};
  auto& a = f.at({"b-salon", "ok"});
  a.add(2);
  CHECK(&f.at({"b-salon", "ok"}) == &a);  // found again, not made anew
  f.at({"a-salon", "ok"}).add();
  f.at({"a-salon", "slot_taken"}).add(5);
  CHECK(f.value({"a-salon", "slot_taken"}) == 5);
  CHECK(f.value({"nobody", "ok"}) == 0);
  exposition out;
  f.render(out, "counter");
  const auto& t = out.text();
  const auto first = t.find(R"(calls_total{tenant="a-salon",outcome="ok"} 1)");
  const auto second = t.find(R"(calls_total{tenant="a-salon",outcome="slot_taken"} 5)");
  const auto third = t.find(R"(calls_total{tenant="b-salon",outcome="ok"} 2)");
  CHECK(first < second);
  CHECK(second < third);
  CHECK(third != std::string::npos);
  f.remove({"a-salon", "ok"});
  exposition again;
  f.render(again, "counter");
  CHECK(again.text().find(R"(outcome="ok"} 1)") == std::string::npos);
}

TEST_CASE("a family counts exactly under concurrent updates", "[metrics]") {
  family<counter, 1> f{"hits_total", "Hits.", {"tenant"}};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&f, t] {
      for (int i = 0; i < 10000; ++i) f.at({t % 2 ? "odd" : "even"}).add();
    });
  for (auto& t : threads) t.join();
  CHECK(f.value({"odd"}) == 20000);
  CHECK(f.value({"even"}) == 20000);
}

TEST_CASE("scaled counters export seconds from milliseconds", "[metrics]") {
  family<counter, 1> f{"call_seconds_total", "Seconds.", {"tenant"}, 0.001};
  f.at({"salon"}).add(61500);
  CHECK(f.value({"salon"}) == Approx(61.5));
}

TEST_CASE("the tree's figures count actors, restarts and breaker states", "[metrics][tree]") {
  runtime_fixture f;
  f.root(f.spec("/", strategy::one_for_one, {probe_child("a", f.log), f.breaker_child("mbrk")}));
  REQUIRE(f.eventually([&] { return f.registry->size() == 4; }));
  auto old = f.at("/a");
  caf::anon_send_exit(old, caf::exit_reason::kill);
  f.replaced("/a", old);
  auto brk = f.at("/mbrk");
  auto opened = ask<caf::ok_atom>(f.sys, brk, 2000ms, breaker_open_atom::value);
  REQUIRE(opened);
  CHECK(breaker_state_code(brk) == 2);
  CHECK(breaker_state_code(f.at("/a")) == std::nullopt);
  exposition out;
  render_tree(out, *f.registry);
  const auto& t = out.text();
  CHECK(has_line(t, R"(askpro_actors{kind="worker"} 2)"));
  CHECK(has_line(t, R"(askpro_actors{kind="breaker"} 1)"));
  CHECK(has_line(t, R"(askpro_actor_restarts_total{kind="worker"} 1)"));
  CHECK(has_line(t, R"(askpro_breaker_state{breaker="/mbrk"} 2)"));
  CHECK(has_line(t, R"(askpro_breaker_transitions_total{breaker="/mbrk",to="open"} 1)"));
  CHECK(has_line(t, R"(askpro_mailbox_depth_max{kind="worker"} 0)"));
}
