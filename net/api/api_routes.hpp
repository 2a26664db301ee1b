#pragma once
/// The tenant REST API v2 (SPEC S8, contract.md "Tenant API …") as one route group on the API
/// listener. Every route is registered through one helper (api_mount::add in api_internal.hpp)
/// that also records it in the route table, so a test can compare the table with the OpenAPI
/// document. Handlers authenticate the bearer token, translate the request, call actors/api and
/// translate the answer; they decide nothing themselves.
/// Thread-safety: handlers run concurrently on the listener's workers and share only immutable
/// state (and the rate limiter, which is thread-safe). Ownership: the group copies the deps and
/// shares the options' limiter.

#include "actors/api/api_service.hpp"
#include "net/http/route_group.hpp"

#include <memory>
#include <string>
#include <vector>

namespace askpro::net::http {
class rate_limiter;
}

namespace askpro::net::api {

/// Knobs of the API group that are not part of the domain.
struct api_options {
  /// Consulted once per authenticated request with the token id as key; nullptr = no limit.
  std::shared_ptr<http::rate_limiter> limiter;
};

std::shared_ptr<http::route_group> make_api_routes(actors::api::api_deps deps,
                                                   api_options options = {});

/// One implemented route.
struct api_route {
  std::string method;  ///< "GET", "POST", "PATCH", …
  std::string path;    ///< OpenAPI template, e.g. "/api/v2/appointments/{id}"
};

/// Every route the group registers, in registration order (built once, without a server).
const std::vector<api_route>& api_route_table();

}  // namespace askpro::net::api
