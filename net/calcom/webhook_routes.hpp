#pragma once
/// Cal.com's webhooks on the API listener (SPEC S7):
///   POST /webhooks/calcom/{tenant_slug}/{branch_slug}
/// Each request: the branch's connection (through /directory; unknown tenant, branch or a
/// branch not on Cal.com: 404, nothing stored) → `X-Cal-Signature-256` over the raw body with
/// the branch's webhook secret (anything but valid: 401, nothing stored) → parse (400) → PING
/// answers 200 → the event recorded once and applied (actors/calendar/external_events.hpp) →
/// 200 `{"received":true,"effect":"created|cancelled|moved|no_show|unchanged|duplicate"}`.
/// Other triggers are answered 200 and ignored.
/// Thread-safety: the handlers run concurrently on the listener's workers; they share only the
/// deps. Ownership: the group copies the deps (the actor system must outlive it).

#include "actors/calendar/external_events.hpp"
#include "net/calcom/codec.hpp"
#include "net/http/route_group.hpp"

#include <memory>
#include <string>

namespace askpro::net::calcom {

std::shared_ptr<http::route_group> make_webhook_routes(actors::calendar::event_deps deps);

/// The event of a parsed webhook as actors/calendar applies it.
actors::calendar::external_event to_external(const webhook_event& ev);

/// Decodes a stored webhook body for the inbox replay.
Result<actors::calendar::external_event> decode_stored(const std::string& payload);

}  // namespace askpro::net::calcom
