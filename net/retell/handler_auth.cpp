#include "net/http/respond.hpp"
#include "net/retell/handler_internal.hpp"
#include "net/retell/signature.hpp"

#include <spdlog/spdlog.h>

namespace askpro::net::retell {

namespace {

/// Answers 5xx or 404 when `route` is not a tenant's; true when it is.
bool known(const Result<std::optional<actors::call::tenant_route>>& route, httplib::Response& res) {
  if (!route) return http::respond_error(res, route.error()), false;
  if (*route) return true;
  http::problem p = http::problem_for_status(404, "the dialled number belongs to no tenant");
  p.code = "unknown_number";
  http::respond_problem(res, p);
  return false;
}

verdict verify_with(const actors::call::voice_deps& deps, const httplib::Request& req,
                    const actors::call::tenant_route& route) {
  auto now = runtime::to_unix_ms(deps.clock->now());
  return verify(req.get_header_value(std::string{signature_header}), route.retell_api_key, req.body,
                now);
}

}  // namespace

std::optional<actors::call::tenant_route> authenticate(const actors::call::voice_deps& deps,
                                                       const httplib::Request& req,
                                                       httplib::Response& res) {
  auto number = dialled_number(req.body);
  if (!number) {
    if (!nlohmann::json::accept(req.body))
      return http::respond_bad_json(res, make_error(errc::invalid_argument, "not JSON")),
             std::nullopt;
    http::respond_problem(res, http::problem_for_status(401, "no dialled number to verify"));
    return std::nullopt;
  }
  auto route = actors::call::route_number(deps, *number);
  if (!known(route, res)) return std::nullopt;
  auto v = verify_with(deps, req, **route);
  if (v != verdict::valid && deps.routes) {  // the key may have changed since it was cached
    route = actors::call::route_number(deps, *number, actors::call::route_read::fresh);
    if (!known(route, res)) return std::nullopt;
    v = verify_with(deps, req, **route);
  }
  if (v != verdict::valid) {
    spdlog::warn("retell webhook refused: signature {}", to_string(v));
    http::problem p = http::problem_for_status(401, std::string{"signature "} + to_string(v));
    p.code = "invalid_signature";
    return http::respond_problem(res, p), std::nullopt;
  }
  return std::move(**route);
}

void respond_unparseable(httplib::Response& res, const caf::error& err) {
  http::respond_problem(res, http::problem_for_status(400, detail_of(err)));
}

}  // namespace askpro::net::retell
