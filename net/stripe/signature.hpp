#pragma once
/// Stripe's webhook signature (wire-formats.md "Stripe"): header `Stripe-Signature:
/// t=<unix seconds>,v1=<hex>[,v1=<hex>…][,v0=…]`, each v1 the hex HMAC-SHA256 keyed with the
/// endpoint secret string (`whsec_…`) over "<t>.<raw body>". Only v1 counts; any matching v1 is
/// accepted (two during a secret's rotation); events signed more than the tolerance ago are
/// refused; digests are compared in constant time.
/// Thread-safety: pure functions. Secrets are never logged or echoed in results.

#include "net/http/signature_verdict.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace askpro::net::stripe {

/// The header name, lower case (cpp-httplib compares header names case-insensitively).
inline constexpr std::string_view signature_header = "stripe-signature";

/// How old a signature may be (Stripe's SDKs' default), in seconds.
inline constexpr int64_t signature_tolerance_s = 300;

/// The header Stripe sends for `body` signed with `secret` at `t` (one v1).
std::string sign(std::string_view secret, std::string_view body, int64_t t);

using verdict = http::verdict;  // to_string(verdict) comes with it (net/http)

/// Checks `header` for `body` against `secret` at `now_s`. An empty secret never verifies.
verdict verify(std::string_view header, std::string_view secret, std::string_view body,
               int64_t now_s, int64_t tolerance_s = signature_tolerance_s);

}  // namespace askpro::net::stripe
