#include "net/api/api_routes.hpp"

#include "net/api/api_internal.hpp"
#include "net/mcp/mcp_routes.hpp"

namespace askpro::net::api {
namespace {

/// Every resource of the API, in table order. Add a resource's mount function here.
void mount_all(api_mount& m) {
  mount_catalog(m);
  mount_availability(m);
  mount_appointments(m);
  mount_customers(m);
  mount_calls(m);
  mount_billing(m);
  mount_openapi(m);
  mcp::mount_mcp(m);
}

class api_routes final : public http::route_group {
 public:
  explicit api_routes(std::shared_ptr<const api_env> env) : env_(std::move(env)) {}

  void mount(http::router& routes) override {
    std::vector<api_route> table;
    api_mount m{&routes, env_, table};
    mount_all(m);
  }

 private:
  std::shared_ptr<const api_env> env_;
};

}  // namespace

std::shared_ptr<http::route_group> make_api_routes(actors::api::api_deps deps,
                                                   api_options options) {
  auto env = std::make_shared<const api_env>(api_env{std::move(deps), std::move(options)});
  return std::make_shared<api_routes>(std::move(env));
}

const std::vector<api_route>& api_route_table() {
  static const std::vector<api_route> table = [] {
    std::vector<api_route> out;
    api_mount m{nullptr, nullptr, out};
    mount_all(m);
    return out;
  }();
  return table;
}

}  // namespace askpro::net::api
