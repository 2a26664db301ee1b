#pragma once
/// What Stripe's events do to the ledger (SPEC S9, contract.md "Billing and notification
/// rules"). net/stripe verifies and decodes a delivery; this decides and applies it:
///
/// - checkout.session.completed with payment_status "paid", or a later
///   checkout.session.async_payment_succeeded: credits amount_total to the tenant named by
///   client_reference_id (else metadata.company), once per session (`checkout:<session id>`);
///   "unpaid" (a delayed method) waits for the async event, which credits then.
/// - charge.refunded: debits what of amount_refunded (cumulative per charge) is new, to the
///   tenant whose top-up carried the payment intent. A refund that arrives before its top-up
///   waits in the inbox and is applied once the top-up is credited.
/// - anything else, an unknown tenant or another currency than the ledger's: acknowledged and
///   logged, never credited anywhere.
///
/// Each delivery is recorded in the webhook inbox first (provider "stripe", the event id): a
/// repeat of an applied event changes nothing; the ledger write and the inbox row's processed
/// mark commit together through the tenant's billing actor, and events left unapplied by a
/// crash are applied at start-up (`replay_stripe_events`).
/// Thread-safety: callable from any non-actor thread (blocks). Errors: errc::unavailable or
/// timeout when the database or the tenant's actors do not answer (the event stays pending and
/// Stripe's redelivery, or the next start, applies it).

#include "runtime/clock.hpp"
#include "runtime/error.hpp"
#include "runtime/tree_registry.hpp"

#include <caf/actor_system.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace askpro::actors::billing {

/// The ledger's currency (ISO 4217, lower case as Stripe writes it).
inline constexpr const char* ledger_currency = "eur";

/// A Stripe event as net/stripe decoded it: the fields billing reads.
struct stripe_event {
  std::string id, type;
  // checkout.session.*
  std::string session_id, payment_status, currency, tenant, payment_intent;
  int64_t amount_total = 0;
  // charge.refunded
  std::string charge_id;
  int64_t amount_refunded = 0;
};

enum class stripe_outcome { credited, refunded, duplicate, waiting, ignored };

/// "credited", "refunded", "duplicate", "waiting", "ignored".
const char* to_string(stripe_outcome o);

struct stripe_deps {
  caf::actor_system* sys = nullptr;  ///< required; outlives every call
  runtime::registry_ptr registry;    ///< required: /db, /directory, the tenants' billing actors
  runtime::clock_ptr clock;          ///< required
  std::chrono::milliseconds timeout{5000};
  /// Decodes a stored payload again (for waiting and replayed events); from net/stripe.
  std::function<Result<stripe_event>(const std::string& payload)> decode;
};

/// Records `ev` (raw `payload`) in the inbox and applies it.
[[nodiscard]] Result<stripe_outcome> receive_stripe_event(const stripe_deps& deps,
                                                          const stripe_event& ev,
                                                          const std::string& payload);

/// Applies the Stripe events of the inbox that are not applied yet (at start-up, and after a
/// top-up for the refunds that waited for it). Yields how many were applied now.
[[nodiscard]] Result<int> replay_stripe_events(const stripe_deps& deps, int limit = 1000);

}  // namespace askpro::actors::billing
