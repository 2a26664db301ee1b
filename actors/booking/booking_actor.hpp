#pragma once
/// The tenant's booking actor (/tenants/<slug>/booking): the one entry point for a tenant's
/// calendar work. It accepts the calendar protocol (actors/calendar/protocol.hpp) and routes each
/// request to the connection of the named branch (/tenants/<slug>/calendars/<branch>/breaker,
/// looked up in the registry per request, so restarts are picked up).
///
/// Writes (book, reserve, release, cancel, reschedule) are serialized: one in flight per tenant,
/// the rest queued in arrival order (up to `max_queue`, then errc::unavailable), so one process
/// never races itself; the database's booking transaction is the guarantee across processes.
/// Reads (availability, check, appointments) go straight through.
///
/// Customers: a booking carrying `customer_phone` (any local format) is normalised to E.164 with
/// the tenant's country as the default region (actors/tenant/phone.hpp) and mapped to one
/// customer per number (`find_or_create_customer`), so "030 1234567" and "+49301234567" are the
/// same customer. Appointment lookups by phone find (never create) that customer.
///
/// Also answers (activity_atom) (messages.hpp) and (runtime::inspect_atom) → JSON {tenant,
/// loaded_at, last_activity, queue, in_flight, requests, writes} (no personal data).
///
/// Thread-safety: messages only. Ownership: shares the read-only tenant model.
/// Errors: those of protocol.hpp; errc::not_found for an unknown branch; calendar_unavailable
/// when the branch's connection is not running; invalid_argument for a bad phone number.

#include "actors/tenant/catalog_model.hpp"
#include "runtime/clock.hpp"
#include "runtime/supervisor.hpp"
#include "runtime/tree_registry.hpp"

#include <chrono>
#include <cstddef>
#include <string>

namespace askpro::actors::booking {

struct booking_config {
  tenant::tenant_model_ptr model;                 ///< required
  std::string tenant_path;                        ///< "/tenants/<slug>"
  runtime::registry_ptr registry;                 ///< required
  runtime::clock_ptr clock;                       ///< required
  std::chrono::milliseconds call_timeout{20000};  ///< longer than the breaker's call timeout
  std::chrono::milliseconds db_timeout{5000};
  std::size_t max_queue = 10000;
  std::string db_path = "/db";
};

/// A start function for the booking actor under the tenant supervisor (kind "booking").
runtime::start_fn booking_actor_start(booking_config cfg);

}  // namespace askpro::actors::booking
