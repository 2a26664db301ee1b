#include "runtime/app/node.hpp"

#include "persistence/db_actor.hpp"
#include "persistence/redis_actor.hpp"
#include "runtime/atoms.hpp"
#include "runtime/bridge.hpp"
#include "runtime/supervisor.hpp"

#include <spdlog/spdlog.h>
#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/all.hpp>

#include <thread>

namespace askpro::app {

struct node::impl {
  caf::actor_system_config cfg;
  std::unique_ptr<caf::actor_system> sys;
};

namespace {

/// The tenants supervisor: tenant subtrees are added dynamically as tenants load.
runtime::child_spec tenants_spec(const runtime::registry_ptr& reg, const runtime::clock_ptr& clk) {
  runtime::supervisor_spec spec;
  spec.strat = runtime::strategy::one_for_one;
  spec.intensity = 10;
  spec.period = std::chrono::seconds{10};
  spec.registry = reg;
  spec.clock = clk;
  return {"tenants", "supervisor", runtime::supervisor_start(std::move(spec)),
          runtime::restart_type::permanent, std::chrono::seconds{10}};
}

runtime::supervisor_spec root_spec(const config::settings& s, const runtime::registry_ptr& reg,
                                   const runtime::clock_ptr& clk) {
  runtime::supervisor_spec spec;
  spec.path = "/";
  spec.kind = "root";
  spec.strat = runtime::strategy::one_for_one;
  spec.intensity = 5;
  spec.period = std::chrono::seconds{30};
  spec.registry = reg;
  spec.clock = clk;
  spec.children.push_back(persistence::db_child_spec(s.storage, reg, clk));
  if (s.redis.enabled()) spec.children.push_back(persistence::redis_child_spec(s.redis, reg));
  spec.children.push_back(tenants_spec(reg, clk));
  return spec;
}

}  // namespace

node::node(const config::settings& settings)
    : settings_(settings),
      registry_(std::make_shared<runtime::tree_registry>()),
      clock_(runtime::make_system_clock()),
      impl_(std::make_unique<impl>()) {
  impl_->cfg.add_error_category(error_category(), render_error);
  auto threads = settings.runtime.scheduler_threads > 0
                     ? static_cast<size_t>(settings.runtime.scheduler_threads)
                     : static_cast<size_t>(std::max(2u, std::thread::hardware_concurrency()));
  impl_->cfg.set("scheduler.max-threads", threads);
  impl_->sys = std::make_unique<caf::actor_system>(impl_->cfg);
}

node::~node() {
  if (root_) stop(settings_.runtime.shutdown_timeout);
  impl_->sys.reset();
}

caf::actor_system& node::system() {
  return *impl_->sys;
}

Result<void> node::start() {
  root_ = runtime::spawn_supervisor(system(), root_spec(settings_, registry_, clock_));
  auto db = registry_->actor_at("/db");
  auto pong = runtime::ask<caf::ok_atom>(system(), db, settings_.runtime.ask_timeout,
                                         runtime::ping_atom::value);
  if (!pong) return make_error(errc::unavailable, "database: " + describe(pong.error()));
  return caf::unit;
}

void node::stop(std::chrono::milliseconds timeout) {
  if (!root_) return;
  caf::scoped_actor self{system()};
  self->monitor(root_);
  self->send_exit(root_, caf::exit_reason::user_shutdown);
  bool down = false;
  self->receive(
      [&](caf::down_msg&) { down = true; },
      caf::after(timeout) >> [&] { spdlog::warn("shutdown timed out; killing the tree"); });
  if (!down) self->send_exit(root_, caf::exit_reason::kill);
  root_ = nullptr;
}

}  // namespace askpro::app
