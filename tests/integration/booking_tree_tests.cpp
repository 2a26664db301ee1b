// The tenant branch of the tree through the directory: lazy load, the subtree's shape, idle stop
// on the manual clock, loading again, unknown tenants and concurrent first lookups.
#include "runtime/atoms.hpp"
#include "runtime/bridge.hpp"
#include "runtime/tree_collector.hpp"
#include "tests/integration/booking_fixture.hpp"

#include <nlohmann/json.hpp>

#include <future>
#include <thread>
#include <vector>

using namespace askpro;
using namespace askpro::test;

namespace {

const std::vector<std::string> tenant_paths = {
    "/tenants/salon",
    "/tenants/salon/booking",
    "/tenants/salon/calendars",
    "/tenants/salon/calendars/mitte",
    "/tenants/salon/calendars/mitte/breaker",
    "/tenants/salon/calendars/mitte/breaker/conn",
    "/tenants/salon/calls",
};

bool tree_has_tenant(booking_node& n) {
  for (const auto& p : tenant_paths)
    if (!n.registry().find(p)) return false;
  return true;
}

nlohmann::json inspect(booking_node& n, const caf::actor& a) {
  auto text = runtime::ask<std::string>(n.sys(), a, 5s, runtime::inspect_atom::value);
  REQUIRE(text);
  return nlohmann::json::parse(*text);
}

}  // namespace

BOOKING_CASE("Tenant loads on first use with booking, calendars, breaker, conn and calls", "") {
  seed_salon(db);
  booking_node n{db.settings()};
  CHECK_FALSE(n.registry().find("/tenants/salon"));
  auto h = expect_ok(n.tenant("salon"));
  CHECK(h.slug == "salon");
  CHECK(h.path == "/tenants/salon");
  CHECK(h.model->branches.size() == 1);
  REQUIRE(eventually([&] { return tree_has_tenant(n); }));
  CHECK(n.registry().find("/tenants/salon")->kind == "tenant");
  CHECK(n.registry().find("/tenants/salon/calendars/mitte/breaker")->kind == "breaker");
  auto tree = nlohmann::json::parse(runtime::collect_tree_json(n.sys(), n.registry(), 2s));
  auto text = tree.dump();
  for (const auto& p : tenant_paths) CHECK(text.find("\"" + p + "\"") != std::string::npos);
  auto state = inspect(n, h.booking);
  CHECK(state["tenant"] == "salon");
  CHECK(state["queue"] == 0);
  auto conn = inspect(n, n.registry().actor_at("/tenants/salon/calendars/mitte/breaker/conn"));
  CHECK(conn["branch"] == "mitte");
  auto brk = inspect(n, n.registry().actor_at("/tenants/salon/calendars/mitte/breaker"));
  CHECK(brk["breaker"] == "closed");
}

BOOKING_CASE("Idle tenant stops after the limit and loads again on next use", "") {
  seed_salon(db);
  booking_node n{db.settings(), std::chrono::seconds{600}};
  auto first = expect_ok(n.tenant("salon"));
  REQUIRE(eventually([&] { return tree_has_tenant(n); }));
  n.clock().advance(std::chrono::seconds{599});
  CHECK(n.idle_tick().empty());
  CHECK(n.registry().find("/tenants/salon"));
  // Activity at the booking actor resets the idle time.
  actors::calendar::check_query q{"mitte", "cut", {}, berlin(2026, 12, 2, 10), 3};
  REQUIRE(runtime::ask<actors::calendar::check_reply>(n.sys(), first.booking, 10s,
                                                      actors::calendar::check_atom::value, q));
  n.clock().advance(std::chrono::seconds{599});
  CHECK(n.idle_tick().empty());
  n.clock().advance(std::chrono::seconds{2});
  CHECK(n.idle_tick() == std::vector<std::string>{"salon"});
  CHECK(eventually([&] { return !n.registry().find("/tenants/salon"); }));
  CHECK_FALSE(n.registry().find("/tenants/salon/booking"));
  auto again = expect_ok(n.tenant("salon"));
  CHECK(again.booking != first.booking);
  REQUIRE(eventually([&] { return tree_has_tenant(n); }));
  auto dir = inspect(n, n.directory());
  CHECK(dir["loads"] == 2);
  CHECK(dir["stops"] == 1);
}

BOOKING_CASE("Unknown tenant is not_found and concurrent first lookups load once", "") {
  seed_salon(db);
  booking_node n{db.settings()};
  expect_error(n.tenant("nobody"), errc::not_found);
  expect_error(n.tenant("Bad Slug"), errc::invalid_argument);
  std::vector<std::future<Result<actors::tenant::tenant_handle>>> lookups;
  for (int i = 0; i < 8; ++i)
    lookups.push_back(std::async(std::launch::async, [&] { return n.tenant("salon"); }));
  caf::actor booking;
  for (auto& f : lookups) {
    auto h = expect_ok(f.get());
    if (!booking) booking = h.booking;
    CHECK(h.booking == booking);
  }
  CHECK(inspect(n, n.directory())["loads"] == 1);
}

BOOKING_CASE("Reload stops the tenant so the next use reads the catalog again", "") {
  seed_salon(db);
  booking_node n{db.settings()};
  auto first = expect_ok(n.tenant("salon"));
  REQUIRE(runtime::ask<caf::ok_atom>(n.sys(), n.directory(), 10s,
                                     actors::tenant::reload_atom::value, std::string{"salon"}));
  CHECK_FALSE(n.registry().find("/tenants/salon"));
  auto again = expect_ok(n.tenant("salon"));
  CHECK(again.booking != first.booking);
}
