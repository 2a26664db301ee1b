#include "net/ops/metrics_routes.hpp"

#include "actors/observe/business_metrics.hpp"
#include "net/http/http_metrics.hpp"
#include "net/http/router.hpp"
#include "runtime/metrics/registry.hpp"
#include "runtime/metrics/tree_metrics.hpp"

namespace askpro::net::ops {

std::string metrics_text(const runtime::tree_registry& registry) {
  runtime::metrics::exposition out;
  runtime::metrics::registry::global().render(out);
  runtime::metrics::render_tree(out, registry);
  return out.text();
}

metrics_routes::metrics_routes(runtime::registry_ptr registry) : registry_(std::move(registry)) {
  http::register_http_metrics();
  actors::observe::register_business_metrics();
}

void metrics_routes::mount(http::router& routes) {
  routes.get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
    res.status = 200;
    res.set_content(metrics_text(*registry_), "text/plain; version=0.0.4; charset=utf-8");
  });
}

}  // namespace askpro::net::ops
