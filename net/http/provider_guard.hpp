#pragma once
/// Who may reach the webhook routes (SPEC S11): an optional CIDR allowlist per provider
/// (`security.retell_allowlist` for /webhooks/retell…, `security.stripe_allowlist` for
/// /webhooks/stripe, `security.calcom_allowlist` for /webhooks/calcom/…). A request from
/// elsewhere is answered 403 before its body is read, parsed or stored. The client address is
/// the connection's peer, or — when the peer is one of `security.trusted_proxies` — the
/// nearest address in `X-Forwarded-For` that is not itself a trusted proxy.
/// Thread-safety: the guard is immutable after construction and runs on worker threads.

#include "config/settings.hpp"
#include "net/http/conventions.hpp"
#include "runtime/cidr.hpp"

#include <httplib.h>

#include <string>

namespace askpro::net::http {

/// The address the request comes from, as described above.
std::string client_address(const httplib::Request& req, const runtime::cidr_list& trusted);

/// The pre-route check enforcing the provider allowlists; nullptr-free even when every list is
/// empty (it then lets everything through).
pre_route_check make_provider_guard(const config::security_settings& security);

}  // namespace askpro::net::http
