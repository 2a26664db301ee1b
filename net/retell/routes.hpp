#pragma once
/// Retell's webhooks on the API listener (SPEC S6, wire-formats.md "Retell"):
///   POST /webhooks/retell            call events and call_inbound
///   POST /webhooks/retell/functions  custom function calls `{"name","args","call"}`
/// Each request: dialled number → tenant (through /db, remembered for deps.route_ttl; read
/// again at once when the signature fails with the remembered key) → the tenant's Retell key →
/// signature over the raw body (anything but valid: 401, nothing stored) → parse (400 on malformed
/// JSON) → actors/call/voice_router.hpp → answer. An unknown number is 404 (never another tenant);
/// an oversized body is 413 (http.max_body_bytes, enforced by the server).
/// Call events recorded at the same time share one commit (voice_router.hpp record_call_event).
/// Thread-safety: the handlers run concurrently on the listener's workers; they share the deps,
/// whose route cache and event batcher are thread-safe. Ownership: the group copies the deps
/// and adds the shared state they lack (with_shared_state; the actor system must outlive it).

#include "actors/call/voice_router.hpp"
#include "net/http/route_group.hpp"

#include <memory>

namespace askpro::net::retell {

std::shared_ptr<http::route_group> make_routes(actors::call::voice_deps deps);

}  // namespace askpro::net::retell
