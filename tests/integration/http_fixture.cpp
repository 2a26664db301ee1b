#include "tests/integration/http_fixture.hpp"

#include "runtime/atoms.hpp"
#include "runtime/error.hpp"

#include <caf/all.hpp>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <functional>

namespace askpro::testing {
namespace {

struct fake_state {
  std::vector<caf::response_promise> held;  ///< never delivered: the caller times out
};

caf::behavior fake_actor(caf::stateful_actor<fake_state>* self, std::string path,
                         ping_reply reply) {
  return {
      [=](runtime::ping_atom) -> caf::result<caf::ok_atom> {
        if (reply == ping_reply::ok) return caf::ok_atom::value;
        if (reply == ping_reply::error) return make_error(errc::storage, "disk unavailable");
        self->state.held.push_back(self->make_response_promise());
        return caf::delegated<caf::ok_atom>{};
      },
      [=](runtime::inspect_atom) {
        return nlohmann::json{{"fake", path}}.dump();
      },
  };
}

std::string parent_of(const std::string& path) {
  if (path == "/") return "";
  auto pos = path.rfind('/');
  return pos == 0 ? "/" : path.substr(0, pos);
}

class function_routes final : public net::http::route_group {
 public:
  explicit function_routes(std::function<void(net::http::router&)> f) : f_(std::move(f)) {}
  void mount(net::http::router& routes) override { f_(routes); }

 private:
  std::function<void(net::http::router&)> f_;
};

void collect_paths(const nlohmann::json& node, std::vector<std::string>& out) {
  if (!node.is_object()) return;
  if (node.contains("path") && node["path"].is_string()) out.push_back(node["path"]);
  if (node.contains("children"))
    for (const auto& child : node["children"]) collect_paths(child, out);
}

}  // namespace

config::settings http_test_settings(std::string ops_token) {
  config::settings s;
  s.http.listen = {"127.0.0.1", 0};
  s.http.threads = 8;
  s.ops.listen = {"127.0.0.1", 0};
  s.ops.token = std::move(ops_token);
  return s;
}

edge_fixture::edge_fixture(config::settings s, net::edge_options o)
    : settings(std::move(s)), options(o) {}

edge_fixture::~edge_fixture() {
  edge.reset();
  registry.reset();
  for (auto& a : fakes_) caf::anon_send_exit(a, caf::exit_reason::user_shutdown);
  fakes_.clear();
}

caf::actor edge_fixture::register_fake(const std::string& path, ping_reply reply) {
  auto a = sys.spawn(fake_actor, path, reply);
  fakes_.push_back(a);
  runtime::tree_node node;
  node.path = path;
  node.kind = "fake";
  node.parent = parent_of(path);
  node.status = runtime::node_status::running;
  node.started = std::chrono::system_clock::now();
  node.handle = a;
  registry->put(node);
  return a;
}

void edge_fixture::start(std::vector<std::shared_ptr<net::http::route_group>> api_groups,
                         std::vector<std::shared_ptr<net::http::route_group>> ops_groups) {
  edge = std::make_unique<net::edge>(settings, sys, registry, options);
  for (auto& g : api_groups) edge->add_api_routes(std::move(g));
  for (auto& g : ops_groups) edge->add_ops_routes(std::move(g));
  auto started = edge->start();
  REQUIRE(started);
  ports = *started;
  REQUIRE(ports.api != 0);
  REQUIRE(ports.ops != 0);
}

httplib::Client edge_fixture::api_client() const {
  httplib::Client c("127.0.0.1", ports.api);
  c.set_read_timeout(std::chrono::seconds(10));
  return c;
}

httplib::Client edge_fixture::ops_client() const {
  httplib::Client c("127.0.0.1", ports.ops);
  c.set_read_timeout(std::chrono::seconds(10));
  return c;
}

std::shared_ptr<net::http::route_group> routes_of(std::function<void(net::http::router&)> mount) {
  return std::make_shared<function_routes>(std::move(mount));
}

std::vector<std::string> tree_paths(const std::string& json) {
  std::vector<std::string> out;
  collect_paths(nlohmann::json::parse(json, nullptr, false), out);
  return out;
}

}  // namespace askpro::testing
