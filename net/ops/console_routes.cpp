#include "net/ops/console_routes.hpp"

#include "net/http/router.hpp"
#include "net/ops/console.hpp"

namespace askpro::net::ops {
namespace {

constexpr const char* policy =
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'";

}  // namespace

void console_routes::mount(http::router& routes) {
  routes.get(console_path, [](const httplib::Request&, httplib::Response& res) {
    res.status = 200;
    res.set_header("Content-Security-Policy", policy);
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    const auto page = console_page();
    res.set_content(page.data(), page.size(), "text/html; charset=utf-8");
  });
}

}  // namespace askpro::net::ops
