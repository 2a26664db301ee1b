#include "net/ops/actor_routes.hpp"

#include "net/http/respond.hpp"
#include "net/http/router.hpp"
#include "runtime/tree_collector.hpp"

namespace askpro::net::ops {
namespace {

constexpr const char* json_type = "application/json";

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
    std::string path = req.matches[1];
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    auto node = runtime::inspect_node_json(sys_, *registry_, path, timeout_);
    if (node.empty()) {
      http::respond_problem(res, http::problem_for_status(404, "no actor at " + path));
      return;
    }
    res.status = 200;
    res.set_content(node, json_type);
  });
}

}  // namespace askpro::net::ops
