// The /db subtree: dispatcher, supervised workers, routing, ping and inspect, per backend.
#include "persistence/db_client.hpp"
#include "persistence/migrate.hpp"
#include "runtime/atoms.hpp"
#include "tests/unit/persistence/actor_fixture.hpp"
#include "tests/unit/persistence/backend.hpp"

#include <caf/all.hpp>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <stdexcept>
#include <thread>

using namespace askpro::persistence;
using namespace std::chrono_literals;
using askpro::errc;
using askpro::Result;
using askpro::test::db_tree;
using askpro::test::expect_error;
using askpro::test::expect_ok;

namespace {

nlohmann::json inspect(db_tree& tree, const caf::actor& who) {
  auto text = expect_ok(
      askpro::runtime::ask<std::string>(tree.sys(), who, 5s, askpro::runtime::inspect_atom::value));
  return nlohmann::json::parse(text);
}

Result<int64_t> count_inbox(connection& c) {
  auto rs = c.query("SELECT COUNT(*) FROM webhook_inbox");
  if (!rs) return std::move(rs.error());
  return (*rs)[0].get<int64_t>(0);
}

Result<int64_t> insert_event(connection& c, const std::string& id) {
  return c.execute(
      "INSERT INTO webhook_inbox (provider, external_id, event, payload, received_at) "
      "VALUES ('test', ?, 'e', '{}', 1)",
      {id});
}

void migrate_through(db_tree& tree) {
  expect_ok(run_blocking<int>(tree.sys(), tree.db(), access::write, 30s,
                              [](connection& c) { return migrate(c); }));
}

}  // namespace

PERSISTENCE_CASE("/db answers ping and runs reads and writes on its workers", "[actors]") {
  db_tree tree{db.settings()};
  auto pong = askpro::runtime::ask<caf::ok_atom>(tree.sys(), tree.db(), 10s,
                                                 askpro::runtime::ping_atom::value);
  expect_ok(pong);
  migrate_through(tree);
  CHECK(expect_ok(run_blocking<int64_t>(tree.sys(), tree.db(), access::write, 10s,
                                        [](connection& c) { return insert_event(c, "a"); })) == 1);
  CHECK(expect_ok(run_blocking<int64_t>(tree.sys(), tree.db(), access::read, 10s, count_inbox)) ==
        1);
  auto state = inspect(tree, tree.db());
  CHECK(state["driver"] == db.name());
  CHECK(state["workers"] == (db.is_mysql() ? 4 : 3));
  CHECK(state["running"].get<int>() >= 1);  // the others may still be saying hello
  CHECK(state["completed"].get<int>() >= 4);
  CHECK(state["errors"] == 0);
  CHECK(state["in_flight"] == 0);
  int workers = 0;
  for (const auto& node : tree.registry().snapshot()) {
    if (node.parent != "/db/pool") continue;
    ++workers;
    CHECK(node.kind == "db_worker");
    CHECK(inspect(tree, node.handle)["connected"] == true);  // each opened its connection
  }
  CHECK(workers == state["workers"].get<int>());
  CHECK(tree.registry().find(db.is_mysql() ? "/db/pool/conn-4" : "/db/pool/reader-2"));
}

PERSISTENCE_CASE("task errors and exceptions come back as errors and the worker lives on",
                 "[actors]") {
  db_tree tree{db.settings()};
  migrate_through(tree);
  auto dup = [](connection& c) -> Result<int64_t> {
    if (auto ok = insert_event(c, "same"); !ok) return ok;
    return insert_event(c, "same");
  };
  expect_error(run_blocking<int64_t>(tree.sys(), tree.db(), access::write, 10s, dup),
               errc::conflict);
  auto thrower = [](connection&) -> Result<int> { throw std::runtime_error("boom"); };
  auto thrown = expect_error(run_blocking<int>(tree.sys(), tree.db(), access::write, 10s, thrower),
                             errc::internal);
  CHECK(askpro::describe(thrown).find("boom") != std::string::npos);
  auto leaky = [](connection& c) -> Result<void> {
    if (auto ok = c.begin(); !ok) return ok;
    if (auto ok = insert_event(c, "never committed"); !ok) return std::move(ok.error());
    return caf::unit;
  };
  expect_ok(run_blocking<void>(tree.sys(), tree.db(), access::write, 10s, leaky));
  CHECK(expect_ok(run_blocking<int64_t>(tree.sys(), tree.db(), access::write, 10s, count_inbox)) ==
        1);
  auto state = inspect(tree, tree.db());
  CHECK(state["errors"] == 2);
  CHECK(state["last_error"].get<std::string>().find("boom") != std::string::npos);
}

PERSISTENCE_CASE("concurrent writers through /db: 8 threads x 50 inserts", "[actors]") {
  db_tree tree{db.settings()};
  migrate_through(tree);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        auto id = std::to_string(t) + "-" + std::to_string(i);
        auto r = run_blocking<int64_t>(tree.sys(), tree.db(), access::write, 30s,
                                       [id](connection& c) { return insert_event(c, id); });
        if (!r || *r != 1) ++failures;
      }
    });
  for (auto& th : threads) th.join();
  CHECK(failures == 0);
  CHECK(expect_ok(run_blocking<int64_t>(tree.sys(), tree.db(), access::read, 10s, count_inbox)) ==
        400);
  CHECK(inspect(tree, tree.db())["errors"] == 0);
}

PERSISTENCE_CASE("a killed worker is restarted by /db/pool and /db keeps serving", "[actors]") {
  db_tree tree{db.settings()};
  migrate_through(tree);
  const std::string path = db.is_mysql() ? "/db/pool/conn-1" : "/db/pool/writer";
  auto victim = tree.registry().actor_at(path);
  REQUIRE(victim);
  REQUIRE(askpro::test::stop_and_wait(tree.sys(), victim, caf::exit_reason::kill));
  // A task sent to the dead worker before /db noticed is re-sent to its restarted incarnation.
  for (int i = 0; i < 3; ++i)
    CHECK(expect_ok(run_blocking<int64_t>(
              tree.sys(), tree.db(), access::write, 10s,
              [i](connection& c) { return insert_event(c, "after-" + std::to_string(i)); })) == 1);
  auto node = tree.registry().find(path);
  REQUIRE(node);
  CHECK(node->restarts == 1);
  CHECK(node->handle != victim);
}

TEST_CASE("/db routes SQLite reads to query_only readers and writes to the writer",
          "[persistence][sqlite][actors]") {
  askpro::test::with_sqlite([](askpro::test::backend& db) {
    db_tree tree{db.settings()};
    migrate_through(tree);
    auto on_reader = run_blocking<int64_t>(tree.sys(), tree.db(), access::read, 10s,
                                           [](connection& c) { return insert_event(c, "r"); });
    auto err = expect_error(on_reader, errc::storage);
    CHECK(askpro::describe(err).find("readonly") != std::string::npos);
    CHECK(expect_ok(run_blocking<int64_t>(tree.sys(), tree.db(), access::write, 10s,
                                          [](connection& c) { return insert_event(c, "w"); })) ==
          1);
  });
}
