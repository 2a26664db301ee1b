#pragma once
/// Booking events an external calendar (Cal.com) sends about a branch's account, applied to the
/// tenant's appointments (SPEC S7): recorded once in the webhook inbox (provider "calcom"), then
/// applied by uid, so the echo of a booking we made ourselves and a redelivery change nothing.
///
///   BOOKING_CREATED      a booking made directly in the account → a local appointment (source
///                        `calcom`, the attendee's number as customer when given); ours (known
///                        uid or request key) → unchanged
///   BOOKING_CANCELLED    the appointment with that uid → cancelled
///   BOOKING_RESCHEDULED  the appointment of `previous_uid` → moved (successor with the new uid)
///   BOOKING_NO_SHOW_UPDATED  noShow true → no_show
///
/// The way in from a blocking thread (net/calcom's webhook handler and the start-up replay);
/// net/ verifies the signature and decodes, the decisions are here.
/// Thread-safety: callable concurrently from any non-actor thread; never from an actor handler.
/// Errors: errc::not_found (no such tenant or branch, or not a Cal.com branch), the database's
/// errors (storage, unavailable, timeout); a failed apply leaves the inbox row unprocessed for
/// the replay.

#include "actors/notify/outbox_policy.hpp"
#include "actors/tenant/catalog_model.hpp"
#include "runtime/clock.hpp"
#include "runtime/error.hpp"
#include "runtime/tree_registry.hpp"

#include <caf/allowed_unsafe_message_type.hpp>
#include <caf/fwd.hpp>

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace askpro::actors::calendar {

struct external_event {
  std::string trigger;       ///< BOOKING_CREATED, BOOKING_CANCELLED, …
  std::string uid;           ///< the booking (the new one on BOOKING_RESCHEDULED)
  std::string previous_uid;  ///< BOOKING_RESCHEDULED: the original booking
  std::optional<int64_t> event_type_id;
  int64_t start_ms = 0, end_ms = 0;
  std::optional<bool> no_show;
  std::string attendee_name, attendee_phone;  ///< personal data: never logged
  std::optional<std::string> request_key;     ///< ours, when we made the booking
};

struct event_deps {
  caf::actor_system* sys = nullptr;  ///< required; outlives every call
  runtime::registry_ptr registry;    ///< required: /db, /directory, the connections
  runtime::clock_ptr clock;          ///< required
  std::chrono::milliseconds timeout{5000};
};

/// A branch whose calendar is external, with its tenant's model (loaded through /directory).
struct external_connection {
  tenant::tenant_model_ptr model;
  const tenant::branch_model* branch = nullptr;  ///< points into *model
  notify::outbox_policy_ptr notify;              ///< keeps reminders in step (null: none)
};

/// Errors: errc::not_found when the tenant is unknown or inactive, the branch unknown, or its
/// calendar not Cal.com.
[[nodiscard]] Result<external_connection> find_connection(const event_deps& deps,
                                                          const std::string& tenant_slug,
                                                          const std::string& branch_slug);

enum class event_effect { created, cancelled, moved, no_show, unchanged, duplicate };
const char* to_string(event_effect e);

/// Records the event once (`payload` is the raw body) and applies it; a redelivery of a
/// processed event answers `duplicate`. Drops the connection's cached slots.
[[nodiscard]] Result<event_effect> receive_event(const event_deps& deps,
                                                 const external_connection& conn,
                                                 const external_event& ev,
                                                 const std::string& payload);

/// Applies unprocessed Cal.com inbox rows (a crash between recording and applying), oldest
/// first; `decode` reads a stored body. Rows that can never apply are marked and logged.
struct external_replay_report {
  int applied = 0, dropped = 0, failed = 0;
};
[[nodiscard]] Result<external_replay_report> replay_external_events(
    const event_deps& deps, const std::function<Result<external_event>(const std::string&)>& decode,
    int limit = 1000);

}  // namespace askpro::actors::calendar

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::calendar::event_effect)
