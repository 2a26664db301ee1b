#include "net/edge.hpp"

#include "net/http/health_routes.hpp"
#include "net/http/provider_guard.hpp"
#include "net/http/server.hpp"
#include "net/ops/actor_routes.hpp"
#include "net/ops/console_routes.hpp"
#include "net/ops/metrics_routes.hpp"
#include "net/ops/ops_guard.hpp"

#include <atomic>
#include <vector>

namespace askpro::net {
namespace {

config::http_settings ops_listener_settings(const config::settings& s, const edge_options& o) {
  auto out = s.http;
  out.listen = s.ops.listen;
  out.threads = o.ops_threads;
  return out;
}

void mount_all(http::server& server, const std::vector<std::shared_ptr<http::route_group>>& gs) {
  for (const auto& g : gs) g->mount(server.routes());
}

}  // namespace

struct edge::impl {
  impl(const config::settings& s, caf::actor_system& sys, runtime::registry_ptr reg,
       const edge_options& o)
      : api(s.http, "api"), ops(ops_listener_settings(s, o), "ops") {
    api_groups.push_back(
        std::make_shared<http::health_routes>(sys, reg, s.redis.enabled(), o.ready_timeout));
    ops_groups.push_back(std::make_shared<ops::actor_routes>(sys, reg, o.inspect_timeout));
    ops_groups.push_back(std::make_shared<ops::metrics_routes>(reg));
    ops_groups.push_back(std::make_shared<ops::console_routes>());
    ops.set_pre_route_check(ops::make_ops_guard(s.ops.token));
    api.set_pre_route_check(http::make_provider_guard(s.security));
  }

  http::server api;
  http::server ops;
  std::vector<std::shared_ptr<http::route_group>> api_groups;
  std::vector<std::shared_ptr<http::route_group>> ops_groups;
  std::atomic<uint16_t> api_port{0};
  std::atomic<uint16_t> ops_port{0};
  bool started = false;
};

edge::edge(const config::settings& settings, caf::actor_system& sys, runtime::registry_ptr registry,
           edge_options options)
    : impl_(std::make_unique<impl>(settings, sys, std::move(registry), options)) {}

edge::~edge() {
  stop();
}

void edge::add_api_routes(std::shared_ptr<http::route_group> group) {
  impl_->api_groups.push_back(std::move(group));
}

void edge::add_ops_routes(std::shared_ptr<http::route_group> group) {
  impl_->ops_groups.push_back(std::move(group));
}

Result<edge_ports> edge::start() {
  if (impl_->started) return make_error(errc::internal, "the HTTP edge is already started");
  impl_->started = true;
  mount_all(impl_->api, impl_->api_groups);
  mount_all(impl_->ops, impl_->ops_groups);
  auto api = impl_->api.start();
  if (!api) return api.error();
  auto ops = impl_->ops.start();
  if (!ops) {
    impl_->api.stop();
    return ops.error();
  }
  impl_->api_port = *api;
  impl_->ops_port = *ops;
  return ports();
}

edge_ports edge::ports() const {
  return {impl_->api_port.load(), impl_->ops_port.load()};
}

void edge::stop() {
  impl_->api.stop();
  impl_->ops.stop();
}

}  // namespace askpro::net
