#pragma once
/// A fake Stripe for the billing suites: builds the event bodies Stripe sends
/// (checkout.session.completed / async_payment_succeeded, charge.refunded) and signs them as
/// Stripe's SDKs do — `Stripe-Signature: t=<unix s>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` —
/// with its own HMAC (OpenSSL), not the server's code, so the two can disagree. Checked against
/// the shared vectors (docs: shared/reference/signature-vectors.json, copied into the unit test).
/// Thread-safety: pure functions.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace askpro::fakes {

/// The header for `body` signed with each of `secrets` at `t` (one v1 per secret, in order).
std::string stripe_signature(const std::vector<std::string>& secrets, const std::string& body,
                             int64_t t);

/// A checkout session event (`type` checkout.session.completed or …async_payment_succeeded).
struct checkout_fields {
  std::string event_id, session_id, tenant, payment_status = "paid";
  int64_t amount_total = 0;
  std::string currency = "eur", payment_intent;
  bool tenant_in_metadata = false;  ///< metadata.company instead of client_reference_id
  std::string type = "checkout.session.completed";
};
nlohmann::json checkout_event(const checkout_fields& f);

/// A charge.refunded event (`amount_refunded` cumulative).
nlohmann::json refund_event(const std::string& event_id, const std::string& charge_id,
                            const std::string& payment_intent, int64_t amount_refunded);

}  // namespace askpro::fakes
