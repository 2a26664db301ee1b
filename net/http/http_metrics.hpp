#pragma once
/// HTTP metrics of every listener (contract.md "Metric names"):
///   askpro_http_requests_total{route,method,status}
///   askpro_http_request_duration_seconds{route}   (histogram)
///   askpro_webhooks_total{provider,outcome}
/// The router makes one `route_stats` per (route, method) when a route is registered, so a
/// request updates fixed atomics (a counter per status code and the route's histogram) without
/// any lookup or allocation. `route` is the registered pattern with its parameters as `{}`
/// (or the API's own template, "/api/v2/appointments/{id}"); requests no route took (401 before
/// routing, 404, 405, 413) count under route "unmatched".
/// Thread-safety: every function is safe from any thread. Ownership: the stats live for the
/// process (listeners come and go in tests; their routes keep the same series).

#include "runtime/metrics/family.hpp"

#include <array>
#include <string>
#include <string_view>

namespace askpro::net::http {

struct route_stats {
  std::string route;
  std::string method;
  std::array<runtime::metrics::counter, 500> by_status;  ///< index: status − 100
  runtime::metrics::histogram* latency = nullptr;        ///< shared by the route's methods
};

/// The stats of (route, method), made on first use (at registration: not on the hot path).
route_stats& stats_for(std::string_view route, std::string_view method);

/// "/ops/actors(/.+)" → "/ops/actors/{}", "/ops/actors/?" → "/ops/actors".
std::string route_label(const std::string& pattern);

/// Marks the route that serves the current request on this worker thread (set by the router
/// before the handler runs; read and cleared by `record_request`).
void serving(route_stats* stats);

/// Counts a finished request: the stats marked by `serving`, else "unmatched" for `method`.
void record_request(std::string_view method, int status, double seconds);

/// Counts one webhook delivery of `provider` ("retell", "calcom", …) by how it was answered:
/// outcome "accepted" (2xx), "duplicate" (2xx, already recorded), "bad_signature" (401/403),
/// "unknown" (404), "malformed" (other 4xx), "failed" (5xx).
void count_webhook_answer(std::string_view provider, int status, bool duplicate);

/// Registers the families above with the process's metrics (idempotent).
void register_http_metrics();

}  // namespace askpro::net::http
