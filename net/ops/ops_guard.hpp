#pragma once
/// The ops listener's guard: every request needs `Authorization: Bearer <ops.token>`. Missing
/// or wrong tokens get a 401 problem with `WWW-Authenticate: Bearer`; an empty configured token
/// refuses every request (SPEC S11, contract.md `ops.token`). Unknown routes answer 401 too, so
/// the ops surface reveals nothing to a caller without the token. The one exemption is the
/// console page (`GET /ops/console`), which holds no data.
/// Thread-safety: the returned check is immutable and safe on any worker thread.

#include "net/http/conventions.hpp"

#include <string>

namespace askpro::net::ops {

/// A pre-route check for http::server::set_pre_route_check.
http::pre_route_check make_ops_guard(std::string token);

/// Who acts, for the log of operator actions: the `X-Ops-User` the console and the CLI send
/// (letters, digits and `._@-` only, at most 64; "anonymous" without one) and the peer address,
/// e.g. "console@127.0.0.1". The token itself is never logged.
std::string ops_caller(const httplib::Request& req);

}  // namespace askpro::net::ops
