#include "tests/unit/persistence/actor_fixture.hpp"

#include "persistence/db_actor.hpp"
#include "runtime/error.hpp"
#include "runtime/supervisor.hpp"

#include <caf/all.hpp>
#include <catch2/catch.hpp>

namespace askpro::test {

test_system::test_system() : sys_(configure(cfg_)) {}

caf::actor_system_config& test_system::configure(caf::actor_system_config& cfg) {
  cfg.add_error_category(error_category(), render_error);
  cfg.set("scheduler.max-threads", 2);
  return cfg;
}

bool stop_and_wait(caf::actor_system& sys, const caf::actor& a, caf::error reason,
                   std::chrono::milliseconds timeout) {
  if (!a) return true;
  caf::scoped_actor self{sys};
  self->monitor(a);
  self->send_exit(a, std::move(reason));
  bool down = false;
  self->receive([&](caf::down_msg&) { down = true; }, caf::after(timeout) >> [] {});
  return down;
}

db_tree::db_tree(const config::storage_settings& storage)
    : registry_(std::make_shared<runtime::tree_registry>()) {
  auto clock = runtime::make_system_clock();
  runtime::supervisor_spec spec;
  spec.path = "/";
  spec.kind = "root";
  spec.registry = registry_;
  spec.clock = clock;
  spec.children.push_back(persistence::db_child_spec(storage, registry_, clock));
  root_ = runtime::spawn_supervisor(system_.sys(), std::move(spec));
  REQUIRE(db());
}

db_tree::~db_tree() {
  stop();
}

bool db_tree::stop() {
  bool down = stop_and_wait(system_.sys(), root_, caf::exit_reason::user_shutdown);
  root_ = nullptr;
  return down;
}

}  // namespace askpro::test
