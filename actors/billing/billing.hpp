#pragma once
/// A tenant's billing actor (/tenants/<slug>/billing, SPEC S9): the one writer of the tenant's
/// ledger entries that come from outside a call — Stripe top-ups and refunds, adjustments —
/// and the reader of its balance. It handles one message at a time and waits for each write's
/// commit before it takes the next, so a node never races itself; the ledger's unique reference
/// and the locked company row (persistence/repo/ledger_repo.hpp) make the same true across
/// nodes. A call's charge is written in the transaction that records its call_ended (the event
/// and its charge commit together: actors/call), under the same two guarantees.
///
/// Messages:
///   (post_atom, ledger_post, int64_t inbox_id) → billing_reply
///       posts the entry; the webhook's inbox row (0: none) is marked processed in the same
///       transaction, so an event is applied exactly when it is marked
///   (refund_atom, refund_request, int64_t inbox_id) → billing_reply
///       debits what of a Stripe charge is newly refunded (ledger_repo.hpp post_refund)
///   (balance_atom) → persistence::balance_info
///   (runtime::inspect_atom) → JSON {tenant, balance_cents, low_balance_cents, posted, repeats}
/// It reads the balance at start and every `refresh`, and feeds askpro_balance_cents{tenant}.
/// Thread-safety: messages only. Errors: those of the ledger and of /db.

#include "persistence/repo/ledger_repo.hpp"
#include "runtime/clock.hpp"
#include "runtime/supervisor.hpp"
#include "runtime/tree_registry.hpp"

#include <caf/allowed_unsafe_message_type.hpp>
#include <caf/atom.hpp>

#include <chrono>
#include <optional>
#include <string>

namespace askpro::actors::billing {

using post_atom = caf::atom_constant<caf::atom("billpost")>;
using refund_atom = caf::atom_constant<caf::atom("billrfnd")>;
using balance_atom = caf::atom_constant<caf::atom("billbal")>;

/// A Stripe charge's refund state as the event tells it.
struct refund_request {
  std::string payment_intent, charge_id;
  int64_t amount_refunded = 0;  ///< cumulative for the charge
};

struct billing_reply {
  bool fresh = false;  ///< false: nothing changed (a repeat, or nothing new to refund)
  int64_t amount_cents = 0;
  int64_t balance_cents = 0;  ///< after the write
};

struct billing_config {
  std::string slug;                ///< the tenant
  int64_t company_id = 0;          ///< required
  runtime::registry_ptr registry;  ///< required
  runtime::clock_ptr clock;        ///< required
  std::string db_path = "/db";
  std::chrono::milliseconds db_timeout{5000};
  /// How often the balance is read again (call charges are written beside this actor, in
  /// their call's transaction): the askpro_balance_cents gauge and the inspect follow it.
  std::chrono::milliseconds refresh{30000};
};

/// A start function for the billing actor under the tenant supervisor (kind "billing").
runtime::start_fn billing_actor_start(billing_config cfg);

}  // namespace askpro::actors::billing

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::persistence::ledger_post)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::persistence::balance_info)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::billing::refund_request)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::billing::billing_reply)
