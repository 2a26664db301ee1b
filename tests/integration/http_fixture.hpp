#pragma once
/// Shared set-up of the HTTP suites: a CAF actor system, a tree registry, an edge on loopback
/// port 0 (API and ops listeners) and small fake actors registered in the tree.

#include "config/settings.hpp"
#include "net/edge.hpp"
#include "net/http/route_group.hpp"
#include "runtime/tree_registry.hpp"

#include <httplib.h>
#include <caf/actor.hpp>
#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace askpro::testing {

/// Settings for tests: both listeners on 127.0.0.1 port 0, a few workers, the given ops token.
config::settings http_test_settings(std::string ops_token = "ops-secret");

/// How a fake actor answers `ping_atom`.
enum class ping_reply { ok, error, never };

class edge_fixture {
 public:
  explicit edge_fixture(config::settings settings = http_test_settings(),
                        net::edge_options options = {});
  ~edge_fixture();

  /// Spawns an actor answering ping as told and `inspect` with {"fake":"<path>"}, and
  /// registers it at `path` (parent derived from the path).
  caf::actor register_fake(const std::string& path, ping_reply reply = ping_reply::ok);

  /// Starts the edge with the extra groups; REQUIREs success.
  void start(std::vector<std::shared_ptr<net::http::route_group>> api_groups = {},
             std::vector<std::shared_ptr<net::http::route_group>> ops_groups = {});

  httplib::Client api_client() const;
  httplib::Client ops_client() const;

  caf::actor_system_config cfg;
  caf::actor_system sys{cfg};
  runtime::registry_ptr registry = std::make_shared<runtime::tree_registry>();
  config::settings settings;
  net::edge_options options;
  std::unique_ptr<net::edge> edge;
  net::edge_ports ports;

 private:
  std::vector<caf::actor> fakes_;
};

/// A route group made of a function, for routes that exist only in tests.
std::shared_ptr<net::http::route_group> routes_of(std::function<void(net::http::router&)> mount);

/// All "path" members in a JSON tree (recursively through "children").
std::vector<std::string> tree_paths(const std::string& json);

}  // namespace askpro::testing
