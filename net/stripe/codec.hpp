#pragma once
/// Stripe's event JSON (wire-formats.md "Stripe") decoded into what billing reads
/// (actors/billing/stripe_events.hpp): the event's id and type, of a Checkout Session its id,
/// payment_status, amount_total, currency, payment_intent and tenant (client_reference_id, else
/// metadata.company), of a Charge its id, payment_intent and amount_refunded. Fields of other
/// objects are left empty. Thread-safety: pure functions.
/// Errors: errc::invalid_argument when the body is not JSON, not an event, or lacks id or type,
/// or a field billing reads has the wrong type.

#include "actors/billing/stripe_events.hpp"
#include "runtime/error.hpp"

#include <string>

namespace askpro::net::stripe {

[[nodiscard]] Result<actors::billing::stripe_event> decode_event(const std::string& body);

}  // namespace askpro::net::stripe
