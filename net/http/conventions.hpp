#pragma once
/// The conventions every listener follows, installed on an httplib::Server:
/// - `X-Request-Id` taken from the request when sane, generated otherwise, echoed on every
///   response and used as the correlation id while the handler runs;
/// - one access-log line per request (listener, method, path without query, status,
///   duration) — never bodies, query strings or headers;
/// - problem+json bodies for every error the handlers leave empty: 404 for unknown routes, 405
///   (with `Allow`) for a known path with another method, 413 for oversized bodies, …;
/// - a 500 problem when a handler throws, without the exception text.
/// Thread-safety: install once before the server starts; the callbacks run on worker threads.

#include "net/http/router.hpp"

#include <httplib.h>

#include <functional>
#include <string>

namespace askpro::net::http {

/// Runs before routing on every request, inside its correlation scope. Returns true when it
/// answered the request itself (e.g. a 401 problem from an auth guard); routing is skipped.
using pre_route_check = std::function<bool(const httplib::Request&, httplib::Response&)>;

/// Installs the callbacks above on `server`. `routes` (borrowed; must outlive the server's
/// run) supplies the methods for 405 answers; `listener` names the listener in access logs.
void install_conventions(httplib::Server& server, const router& routes, std::string listener,
                         pre_route_check check = {});

}  // namespace askpro::net::http
