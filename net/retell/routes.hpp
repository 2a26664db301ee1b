#pragma once
/// Retell's webhooks on the API listener (SPEC S6, wire-formats.md "Retell"):
///   POST /webhooks/retell            call events and call_inbound
///   POST /webhooks/retell/functions  custom function calls `{"name","args","call"}`
/// Each request: dialled number → tenant (through /db) → the tenant's Retell key → signature
/// over the raw body (anything but valid: 401, nothing stored) → parse (400 on malformed JSON)
/// → actors/call/voice_router.hpp → answer. An unknown number is 404 (never another tenant);
/// an oversized body is 413 (http.max_body_bytes, enforced by the server).
/// Thread-safety: the handlers run concurrently on the listener's workers; they share only the
/// immutable deps. Ownership: the group copies the deps (the actor system must outlive it).

#include "actors/call/voice_router.hpp"
#include "net/http/route_group.hpp"

#include <memory>

namespace askpro::net::retell {

std::shared_ptr<http::route_group> make_routes(actors::call::voice_deps deps);

}  // namespace askpro::net::retell
