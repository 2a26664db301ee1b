#pragma once
/// The calendar protocol: what a calendar connection actor (one per branch; the internal
/// provider now, Cal.com later) answers, and what the tenant's booking actor accepts and routes
/// to the connection of the named branch. Provider-independent: every provider answers the same
/// messages with the same replies.
///
///   (avail_atom, availability_query)    -> availability_reply
///   (check_atom, check_query)           -> check_reply
///   (book_atom, book_request)           -> book_reply      (a lost slot is a VALUE: booked =
///                                                           false, status slot_taken,
///                                                           alternatives)
///   (reserve_atom, reserve_request)     -> reserve_reply   (same shape; expires_at = now + ttl)
///   (release_atom, release_request)     -> caf::ok_atom
///   (cancel_atom, cancel_request)       -> appointment_info
///   (resched_atom, reschedule_request)  -> book_reply      (both-or-neither move)
///   (appts_atom, appointments_query)    -> std::vector<appointment_info>
///   (runtime::inspect_atom)             -> std::string JSON (no personal data)
///
/// Errors (askpro::errc): not_found (unknown service, staff, branch, appointment),
/// conflict (an ambiguous service name; an appointment that can no longer be changed),
/// invalid_argument (a bad phone number, an empty range), calendar_unavailable (the branch's
/// breaker is open or its connection is not running), timeout, storage / unavailable (database).
/// Rule outcomes (outside hours, too soon, …) are reply values with a `check_status`, not errors,
/// so a caller can say why and offer what is possible.
///
/// Ownership/thread-safety: plain values, copied into local messages only (never sent to another
/// node: they are CAF_ALLOW_UNSAFE_MESSAGE_TYPE).

#include "actors/booking/availability.hpp"
#include "actors/booking/model.hpp"
#include "persistence/repo/booking_repo.hpp"

#include <caf/allowed_unsafe_message_type.hpp>
#include <caf/atom.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace askpro::actors::calendar {

using avail_atom = caf::atom_constant<caf::atom("avail")>;
using check_atom = caf::atom_constant<caf::atom("check")>;
using book_atom = caf::atom_constant<caf::atom("book")>;
using reserve_atom = caf::atom_constant<caf::atom("reserve")>;
using release_atom = caf::atom_constant<caf::atom("release")>;
using cancel_atom = caf::atom_constant<caf::atom("cancel")>;
using resched_atom = caf::atom_constant<caf::atom("resched")>;
using appts_atom = caf::atom_constant<caf::atom("appts")>;

using booking::check_status;
using booking::slot;
using booking::time_point;

/// Free slots of a service on local dates [from, to) of the branch.
struct availability_query {
  std::string branch;                ///< branch slug ("" = the tenant's only branch)
  std::string service;               ///< slug, name or synonym (see matching.hpp)
  std::optional<std::string> staff;  ///< slug or name; nullopt = anyone performing it
  date::local_days from{}, to{};
};
struct availability_reply {
  std::string service;  ///< the matched service's slug
  std::vector<slot> slots;
};

/// How a requested start compares with the rules; alternatives when it is not free.
struct check_query {
  std::string branch, service;
  std::optional<std::string> staff;
  time_point start{};
  std::size_t alternatives = 3;
};
struct check_reply {
  std::string service;
  check_status status = check_status::outside_hours;
  std::optional<slot> free_slot;  ///< with the chosen staff member when free
  std::vector<slot> alternatives;
};

/// A booking. The customer is `customer_id`, or found/created from `customer_phone` (any local
/// format, normalised to E.164 with the tenant's country) by the booking actor.
struct book_request {
  std::string branch, service;
  std::optional<std::string> staff;
  time_point start{};
  std::optional<int64_t> customer_id;
  std::optional<std::string> customer_phone;  ///< personal data: never logged
  std::string customer_name;
  std::string customer_email;  ///< personal data: kept on the customer when given
  std::string source = "api";  ///< phone | api | calcom
  std::optional<std::string> call_id, request_key;
  std::optional<int64_t> reservation_id;  ///< converts this hold (name its staff member too)
  std::string notes;
  std::size_t alternatives = 3;
  persistence::audit_context audit;  ///< who books (the audit trail)
};

/// An appointment with the slugs of what its ids refer to.
struct appointment_info {
  persistence::appointment_record record;
  std::string branch, service, staff;
};

struct book_reply {
  bool booked = false;
  bool existing = false;  ///< an idempotent repeat (same request_key / same reschedule)
  check_status status = check_status::outside_hours;  ///< free when booked
  std::optional<appointment_info> appointment;
  std::vector<slot> alternatives;  ///< when status is slot_taken
};

/// A hold on a slot for the duration of a call.
struct reserve_request {
  std::string branch, service;
  std::optional<std::string> staff;
  time_point start{};
  std::optional<std::string> call_id;
  std::size_t alternatives = 3;
};
struct reservation_info {
  persistence::reservation_record record;
  std::string branch, service, staff;
};
struct reserve_reply {
  bool reserved = false;
  check_status status = check_status::outside_hours;
  std::optional<reservation_info> reservation;
  std::vector<slot> alternatives;
};

struct release_request {
  std::string branch;
  int64_t reservation_id = 0;
};

/// `branch` "" = look it up from the appointment.
struct cancel_request {
  std::string branch;
  int64_t appointment_id = 0;
  persistence::audit_context audit;  ///< who cancels (the audit trail)
};

/// Moves an appointment to `start`; `staff` nullopt keeps its staff member.
struct reschedule_request {
  std::string branch;
  int64_t appointment_id = 0;
  time_point start{};
  std::optional<std::string> staff;
  std::size_t alternatives = 3;
  persistence::audit_context audit;  ///< who moves it (the audit trail)
};

/// The customer's booked appointments starting at or after `from` (tenant-wide).
struct appointments_query {
  std::string branch;
  std::optional<int64_t> customer_id;
  std::optional<std::string> customer_phone;  ///< personal data: never logged
  time_point from{};
};

}  // namespace askpro::actors::calendar

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::calendar::availability_query)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::calendar::availability_reply)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::calendar::check_query)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::calendar::check_reply)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::calendar::book_request)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::calendar::book_reply)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::calendar::appointment_info)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::vector<askpro::actors::calendar::appointment_info>)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::calendar::reserve_request)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::calendar::reserve_reply)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::calendar::release_request)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::calendar::cancel_request)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::calendar::reschedule_request)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::calendar::appointments_query)
