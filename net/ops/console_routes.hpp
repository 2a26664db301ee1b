#pragma once
/// `GET /ops/console` — the ops console page. The one ops route served without the token (the
/// ops guard lets it through): the page holds no data; it asks for the token once, keeps it in
/// sessionStorage and sends it as a bearer header on its API calls. A strict Content-Security-
/// Policy allows only the page's own inline code and same-origin requests.
/// Thread-safety: the handler only reads static data.

#include "net/http/route_group.hpp"

namespace askpro::net::ops {

/// The path of the page (the guard's one exemption).
inline constexpr const char* console_path = "/ops/console";

class console_routes final : public http::route_group {
 public:
  void mount(http::router& routes) override;
};

}  // namespace askpro::net::ops
