#include "runtime/app/node.hpp"

#include "actors/notify/delivery.hpp"
#include "actors/tenant/tenant_directory.hpp"
#include "actors/tenant/tenant_supervisor.hpp"
#include "net/calcom/calcom_calendar.hpp"
#include "net/notify/senders.hpp"
#include "persistence/db_actor.hpp"
#include "persistence/redis_actor.hpp"
#include "runtime/atoms.hpp"
#include "runtime/bridge.hpp"
#include "runtime/supervisor.hpp"

#include <spdlog/spdlog.h>
#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/all.hpp>

#include <unistd.h>
#include <algorithm>
#include <cstdio>
#include <thread>

namespace askpro::app {

struct node::impl {
  caf::actor_system_config cfg;
  std::unique_ptr<caf::actor_system> sys;
};

namespace {

/// runtime.node_id, or "<host name>-<pid>".
std::string node_name(const config::settings& s) {
  if (!s.runtime.node_id.empty()) return s.runtime.node_id;
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0) std::snprintf(host, sizeof host, "node");
  return std::string{host} + "-" + std::to_string(::getpid());
}

/// The tenant directory (/directory): loads tenants under /tenants on first use and stops idle
/// ones (actors/tenant/tenant_directory.hpp).
runtime::child_spec directory_spec(const config::settings& s, const runtime::registry_ptr& reg,
                                   const runtime::clock_ptr& clk, caf::actor_system& sys,
                                   actors::notify::outbox_policy_ptr notify) {
  actors::tenant::directory_config cfg;
  cfg.tenant.notify = std::move(notify);
  cfg.tenant.registry = reg;
  cfg.tenant.clock = clk;
  // Cal.com branches: request gates per API key and slot caches per account, shared through
  // Redis when configured.
  cfg.tenant.remote = net::calcom::make_remote_calendars(s, net::calcom::make_sharing(s, sys, reg));
  cfg.idle = s.runtime.tenant_idle;
  cfg.tick_interval = std::min<std::chrono::milliseconds>(
      std::chrono::seconds{30}, s.runtime.tenant_idle / 4 + std::chrono::seconds{1});
  return actors::tenant::directory_child_spec(std::move(cfg));
}

runtime::supervisor_spec root_spec(const config::settings& s, const runtime::registry_ptr& reg,
                                   const runtime::clock_ptr& clk, caf::actor_system& sys) {
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
  spec.children.push_back(actors::tenant::tenants_child_spec(reg, clk));
  auto delivery =
      actors::notify::make_delivery(s, net::notify::make_senders(s.notify), node_name(s), reg, clk);
  spec.children.push_back(directory_spec(s, reg, clk, sys, delivery.policy));
  for (auto& child : delivery.children) spec.children.push_back(std::move(child));
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
  root_ = runtime::spawn_supervisor(system(), root_spec(settings_, registry_, clock_, system()));
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
