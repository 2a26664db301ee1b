// /db when the database cannot be reached, and an orderly stop of the subtree.
#include "persistence/db_client.hpp"
#include "runtime/atoms.hpp"
#include "tests/support/services.hpp"
#include "tests/unit/persistence/actor_fixture.hpp"
#include "tests/unit/persistence/backend.hpp"

#include <caf/all.hpp>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

using namespace askpro::persistence;
using namespace std::chrono_literals;
using askpro::errc;
using askpro::test::db_tree;
using askpro::test::expect_error;
using askpro::test::expect_ok;

namespace {

nlohmann::json inspect(db_tree& tree, const caf::actor& who) {
  REQUIRE(who);
  return nlohmann::json::parse(expect_ok(askpro::runtime::ask<std::string>(
      tree.sys(), who, 10s, askpro::runtime::inspect_atom::value)));
}

askpro::Result<caf::ok_atom> ping(db_tree& tree) {
  return askpro::runtime::ask<caf::ok_atom>(tree.sys(), tree.db(), 20s,
                                            askpro::runtime::ping_atom::value);
}

}  // namespace

TEST_CASE("/db with an unreachable MySQL server answers ping with unavailable",
          "[persistence][mysql][actors]") {
  askpro::test::mysql_server nowhere{"127.0.0.1", askpro::test::closed_port(), "askpro", "x", "x"};
  auto settings = askpro::test::mysql_settings(nowhere, "x");
  settings.mysql_pool = 2;
  db_tree tree{settings};
  expect_error(ping(tree), errc::unavailable);
  expect_error(ping(tree), errc::unavailable);  // retried on each task, still no crash
  CHECK(inspect(tree, tree.db())["errors"] == 2);
  for (const char* path : {"/db/pool/conn-1", "/db/pool/conn-2"}) {  // alive, not crash-looping
    CHECK(inspect(tree, tree.registry().actor_at(path))["connected"] == false);
    CHECK(tree.registry().find(path)->restarts == 0);
  }
}

TEST_CASE("/db with an unusable SQLite path answers ping with a storage error",
          "[persistence][sqlite][actors]") {
  askpro::test::with_sqlite([](askpro::test::backend& db) {
    auto settings = db.settings();
    auto blocker = std::filesystem::path{settings.sqlite_path}.parent_path();
    std::filesystem::create_directories(blocker.parent_path());
    std::ofstream{blocker.string()} << "a file where the directory should be";
    db_tree tree{settings};
    auto err = expect_error(ping(tree), errc::storage);
    CHECK(askpro::describe(err).find(blocker.string()) != std::string::npos);
  });
}

PERSISTENCE_CASE("stopping the tree stops the workers and clears /db from the registry",
                 "[actors]") {
  auto tree = std::make_unique<db_tree>(db.settings());
  expect_ok(ping(*tree));
  // A ping is answered by the first worker; the others register as their connections open.
  const auto path = db.is_mysql() ? "/db/pool/conn-2" : "/db/pool/reader-1";
  caf::actor worker;
  for (int i = 0; i < 500 && !worker; ++i) {
    worker = tree->registry().actor_at(path);
    if (!worker) std::this_thread::sleep_for(10ms);  // waiting for another thread's start-up
  }
  REQUIRE(worker);
  caf::scoped_actor watcher{tree->sys()};
  watcher->monitor(worker);
  REQUIRE(tree->stop());
  bool worker_down = false;
  watcher->receive([&](caf::down_msg& msg) { worker_down = msg.source == worker.address(); },
                   caf::after(10s) >> [] {});
  CHECK(worker_down);
  CHECK_FALSE(tree->registry().find("/db"));
  CHECK_FALSE(tree->registry().find("/db/pool"));
}
