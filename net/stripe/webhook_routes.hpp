#pragma once
/// Stripe's webhook on the API listener (SPEC S9):
///   POST /webhooks/stripe
/// No `stripe.webhook_secret` configured: 503, nothing stored. Otherwise `Stripe-Signature`
/// over the raw body (signature.hpp; anything but valid: 400, nothing stored) → decode (400) →
/// the event recorded once and applied (actors/billing/stripe_events.hpp) → 200
/// `{"received":true,"effect":"credited|refunded|duplicate|waiting|ignored"}`. When the database
/// or the tenant does not answer: 503 (the event stays pending; Stripe delivers it again).
/// Thread-safety: the handlers run concurrently on the listener's workers; they share only the
/// deps. Ownership: the group copies the deps (the actor system must outlive it).

#include "actors/billing/stripe_events.hpp"
#include "net/http/route_group.hpp"

#include <memory>
#include <string>

namespace askpro::net::stripe {

/// `deps.decode` is set to this module's decoder when empty.
std::shared_ptr<http::route_group> make_webhook_routes(actors::billing::stripe_deps deps,
                                                       std::string webhook_secret);

/// The deps' decoder for stored payloads (the start-up replay).
Result<actors::billing::stripe_event> decode_stored(const std::string& payload);

}  // namespace askpro::net::stripe
