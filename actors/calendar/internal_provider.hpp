#pragma once
/// The internal calendar provider: the calendar connection actor of one branch whose calendar
/// is our own database. It answers the calendar protocol (protocol.hpp) by loading the branch's
/// busy time (appointments and live reservations, `load_busy`) through /db and running the pure
/// engine (availability.hpp) with now = clock->now(); it books by checking with the engine first
/// (hours, notice, horizon, grid → a clear status) and then running the repository's booking
/// transaction, which re-checks overlap under the staff lock — the guarantee across processes.
/// When the database says `taken`, it reloads the busy time and answers slot_taken with the
/// engine's nearest alternatives.
///
/// Never blocks: every database step is `request_db(...).then(value, error)` answering through a
/// response promise. Reservations: a delayed message at the reservation's expiry and a periodic
/// sweep run `expire_reservations`; correctness never depends on them (load_busy and the booking
/// transaction ignore expired holds).
///
/// Thread-safety: messages only. Ownership: shares the read-only tenant model; finds /db in the
/// registry for each task (a restart replaces it). Errors: see protocol.hpp.

#include "actors/notify/outbox_policy.hpp"
#include "actors/tenant/catalog_model.hpp"
#include "runtime/clock.hpp"
#include "runtime/supervisor.hpp"
#include "runtime/tree_registry.hpp"

#include <chrono>
#include <string>

namespace askpro::actors::calendar {

struct provider_config {
  tenant::tenant_model_ptr model;  ///< required
  std::string branch;              ///< slug of the branch this connection serves
  runtime::registry_ptr registry;  ///< required (finds /db)
  runtime::clock_ptr clock;        ///< required
  std::chrono::milliseconds db_timeout{5000};
  std::chrono::milliseconds sweep_interval{60000};  ///< expire_reservations every …
  std::string db_path = "/db";
  notify::outbox_policy_ptr notify;  ///< the messages of changes (outbox.hpp); null: none
};

/// A start function for the connection under a breaker (kind "calendar").
runtime::start_fn internal_provider_start(provider_config cfg);

}  // namespace askpro::actors::calendar
