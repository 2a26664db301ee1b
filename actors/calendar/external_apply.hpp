#pragma once
/// The decisions of external_events.hpp over one database connection: what an external
/// calendar's booking event does to the tenant's appointments (matched by uid; see there).
/// Runs on a persistence worker (blocking). Thread-safety: as the connection.
/// Errors: the database's; an event naming an event type no service of the tenant has, or a
/// branch without staff for it, changes nothing (`unchanged`, logged without personal data).

#include "actors/calendar/external_events.hpp"
#include "persistence/connection.hpp"

namespace askpro::actors::calendar {

/// `conn.branch` must be set. A cancellation withdraws the appointment's reminders, a move
/// moves them (notify/outbox.hpp, `_elsewhere` events).
[[nodiscard]] Result<event_effect> apply_external(persistence::connection& conn,
                                                  const external_connection& to,
                                                  const external_event& ev, int64_t now_ms);

}  // namespace askpro::actors::calendar
