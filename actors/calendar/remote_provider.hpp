#pragma once
/// The calendar connection of a branch whose calendar lives in an external account (Cal.com):
/// it answers the same calendar protocol as the internal provider (protocol.hpp), so the booking
/// actor, the call sessions and the API cannot tell the two apart.
///
/// - Slots come from the account (remote_calendar::slots) for the service's event type
///   (`calcom_event_type_id`), with the tenant's own rules on top (past, min notice, horizon);
///   answers are cached for `cache_ttl` in the connection (L1) and, when `shared` is set, for
///   every node (L2, read by the worker before it asks the account); every booking change through
///   us or a webhook (invalidate_atom) drops both at once and tells the other nodes (drop_atom).
/// - A booking is made there first and then recorded here (source phone/api, external_uid = the
///   account's uid, no local overlap check: the account owns the time). Idempotent as on the
///   internal engine: a known request key answers the first appointment without asking the
///   account; a request key the account already has (an earlier try whose local write failed)
///   is found there by its metadata and recorded instead of booking again.
/// - A slot the account refuses answers slot_taken with alternatives from fresh slots; nothing
///   is recorded. Cancel and reschedule change the account first, then the local row.
/// - Outbound requests run on a detached worker (blocking HTTP never runs on the scheduler), one
///   at a time per connection; each passes the credential's request gate first, waiting at most
///   `max_wait` for its turn — else it answers calendar_unavailable with a detail starting
///   "throttled:" and never goes out. A 429 pauses the gate for the provider's Retry-After.
///
/// Thread-safety: messages only. Ownership: shares the read-only tenant model and the gate; owns
/// its worker (linked). Errors: those of protocol.hpp; errc::not_found for a service without an
/// event type; the remote errors of remote_calendar.hpp (unavailable, timeout, unauthorized).

#include "actors/calendar/internal_provider.hpp"
#include "actors/calendar/remote_calendar.hpp"

#include <caf/atom.hpp>

#include <chrono>
#include <memory>
#include <string>

namespace askpro::actors::calendar {

/// (invalidate_atom) as a plain send: a booking of the account changed (a webhook): drop the
/// cached slot answers here, in the shared cache, and on the other nodes.
using invalidate_atom = caf::atom_constant<caf::atom("invalidat")>;
/// (drop_atom) as a plain send: another node changed a booking of the account; drop the answers
/// cached here (the shared cache is already clean).
using drop_atom = caf::atom_constant<caf::atom("slotdrop")>;

/// The prefix of the detail of a calendar_unavailable our own throttling answered (the request
/// never went out): a breaker must not count it as the provider failing.
inline constexpr const char* throttled_prefix = "throttled:";

/// True for errors the provider's breaker counts: runtime::default_is_failure without our own
/// throttling.
bool remote_is_failure(const caf::error& err);

struct remote_config {
  std::string provider = "calcom";                  ///< shown in inspect
  remote_calendar_factory factory;                  ///< required: a client of the branch's account
  std::shared_ptr<request_gate> gate;               ///< required: the credential's gate
  std::chrono::milliseconds request_timeout{3000};  ///< one remote request
  std::chrono::milliseconds max_wait{2000};         ///< longest wait for the gate
  std::chrono::milliseconds cache_ttl{30000};       ///< 0: no caching
  /// The account's shared (L2) cache; empty: only this connection's own (L1).
  shared_slots_factory shared;
};

/// A start function for the connection under a breaker (kind "calendar").
runtime::start_fn remote_provider_start(provider_config cfg, remote_config remote);

}  // namespace askpro::actors::calendar
