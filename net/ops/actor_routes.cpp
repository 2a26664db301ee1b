#include "net/ops/actor_routes.hpp"

#include "net/http/respond.hpp"
#include "net/http/router.hpp"
#include "net/ops/ops_guard.hpp"
#include "runtime/tree_collector.hpp"
#include "runtime/tree_control.hpp"

#include <spdlog/spdlog.h>

namespace askpro::net::ops {
namespace {

constexpr const char* json_type = "application/json";

/// The tree path of the request's first group ("" and "/" are the root).
std::string path_of(const httplib::Request& req) {
  std::string path = req.matches[1];
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path.empty() ? "/" : path;
}

runtime::tree_action action_of(const std::string& verb) {
  if (verb == "restart") return runtime::tree_action::restart;
  if (verb == "stop") return runtime::tree_action::stop;
  if (verb == "reset") return runtime::tree_action::breaker_reset;
  return runtime::tree_action::breaker_open;
}

}  // namespace

actor_routes::actor_routes(caf::actor_system& sys, runtime::registry_ptr registry,
                           std::chrono::milliseconds timeout)
    : sys_(sys), registry_(std::move(registry)), timeout_(timeout) {}

void actor_routes::mount(http::router& routes) {
  routes.get("/ops/actors/?", [this](const httplib::Request&, httplib::Response& res) {
    res.status = 200;
    res.set_content(runtime::collect_tree_json(sys_, *registry_, timeout_), json_type);
  });
  routes.get("/ops/actors(/.+)", [this](const httplib::Request& req, httplib::Response& res) {
    auto path = path_of(req);
    auto node = runtime::inspect_node_json(sys_, *registry_, path, timeout_);
    if (node.empty()) {
      http::respond_problem(res, http::problem_for_status(404, "no actor at " + path));
      return;
    }
    res.status = 200;
    res.set_content(node, json_type);
  });
  auto act = [this](const httplib::Request& req, httplib::Response& res) { act_on(req, res); };
  routes.post("/ops/actors(/.*)?/(restart|stop)", act);  // the root too: "/ops/actors/stop"

  routes.post("/ops/breakers(/.+)/(reset|open)", act);
}

void actor_routes::act_on(const httplib::Request& req, httplib::Response& res) const {
  const auto path = path_of(req);
  const auto action = action_of(req.matches[2]);
  const auto caller = ops_caller(req);
  auto done = runtime::act_on(sys_, *registry_, path, action, action_timeout_);
  if (!done) {
    spdlog::warn("ops: {} {} by {} refused: {}", runtime::to_string(action), path, caller,
                 describe(done.error()));
    http::respond_error(res, done.error());
    return;
  }
  spdlog::info("ops: {} {} by {}", runtime::to_string(action), path, caller);
  auto node = action == runtime::tree_action::stop
                  ? runtime::stopped_node_json(*done)
                  : runtime::inspect_node_json(sys_, *registry_, path, timeout_);
  if (node.empty()) node = runtime::stopped_node_json(*done);  // gone meanwhile
  res.status = 200;
  res.set_content(node, json_type);
}

}  // namespace askpro::net::ops
