#pragma once
/// Cal.com API v2 wire format (wire-formats.md "Cal.com API v2"), translated both ways and
/// nothing decided: webhook bodies, slot answers (the current `/v2/slots` shape and the older
/// `/v2/slots/available` one), booking answers, the booking request body, and the error envelope
/// classified by what it means for the connection (a taken slot, bad credentials, a failure the
/// breaker counts).
/// Thread-safety: pure functions; nothing throws. Attendee fields are personal data: never log
/// them.

#include "runtime/error.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace askpro::net::calcom {

/// The metadata key carrying our idempotency key on bookings we make, so a repeat after a lost
/// local write finds the Cal.com booking instead of booking again.
inline constexpr std::string_view request_key_field = "askpro_request_key";

/// What a Cal.com webhook says (`{"triggerEvent","createdAt","payload":{…}}`).
struct webhook_event {
  std::string trigger;         ///< BOOKING_CREATED, BOOKING_CANCELLED, …, PING
  std::string uid;             ///< payload.uid (the new booking on BOOKING_RESCHEDULED)
  std::string reschedule_uid;  ///< payload.rescheduleUid: the original booking
  std::optional<int64_t> event_type_id;
  int64_t start_ms = 0, end_ms = 0;  ///< payload.startTime / endTime (UTC)
  std::string status;                ///< ACCEPTED, CANCELLED, …
  std::optional<bool> no_show;       ///< BOOKING_NO_SHOW_UPDATED: the attendees' noShow
  std::string attendee_name, attendee_email, attendee_phone;
  std::map<std::string, std::string> metadata;  ///< string values only
};

/// Errors: errc::invalid_argument naming the field (not JSON, no triggerEvent, a booking trigger
/// without uid or with unreadable times). PING needs nothing but its trigger.
[[nodiscard]] Result<webhook_event> parse_webhook(std::string_view body);

/// Slot starts (UTC ms, ascending) of a `GET /v2/slots` answer (`data.{date:[{start}]}`) or of
/// the older `data.slots.{date:[{time}]}`. Errors: errc::unavailable (a body that is no success
/// envelope or has an unreadable time: a broken answer counts as a failure).
[[nodiscard]] Result<std::vector<int64_t>> parse_slots(std::string_view body);

struct booking_data {
  int64_t id = 0;
  std::string uid, status;  ///< status: accepted | pending | cancelled | rejected
  int64_t start_ms = 0, end_ms = 0;
  std::optional<int64_t> event_type_id;
  std::map<std::string, std::string> metadata;
};

/// `data` of a booking answer. Errors: errc::unavailable for a broken body.
[[nodiscard]] Result<booking_data> parse_booking(std::string_view body);
/// `data` as a list of bookings. Errors: errc::unavailable for a broken body.
[[nodiscard]] Result<std::vector<booking_data>> parse_bookings(std::string_view body);

/// The request body of `POST /v2/bookings`. `email` empty: Cal.com needs one, so the documented
/// placeholder `placeholder_email(phone)` goes instead, with `phoneNumber` set.
struct booking_input {
  int64_t start_ms = 0;
  int64_t event_type_id = 0;
  int length_min = 0;  ///< 0: the event type's own length
  std::string name, time_zone, email, phone, language;
  std::map<std::string, std::string> metadata;
};
std::string booking_body(const booking_input& in);

/// `phone-<digits>@phone.invalid`: the reserved `.invalid` TLD (RFC 2606) can never reach
/// anyone, so a caller known only by phone never gets a made-up real-looking address.
std::string placeholder_email(std::string_view e164);

/// `{"start": <UTC ISO>, "reschedulingReason": …}` and `{"cancellationReason": …}`.
std::string reschedule_body(int64_t start_ms, std::string_view reason);
std::string cancel_body(std::string_view reason);

/// UTC ISO 8601 with milliseconds (`2026-12-01T13:00:00.000Z`).
std::string iso_utc(int64_t ms);

/// What a non-2xx answer means for the connection.
enum class failure {
  slot_taken,     ///< 400 "already has booking / not available"
  configuration,  ///< 401 / 403: the branch's API key is wrong (not counted: retrying cannot help)
  rate_limited,   ///< 429 (pause the key for Retry-After)
  bad_request,    ///< another 4xx: our request was refused
  transient,      ///< 5xx and anything else: the breaker counts it
};
failure classify(int status, std::string_view body);

/// `error.message` of an error envelope ("" when there is none). Never holds personal data of
/// ours (Cal.com echoes field names, not values).
std::string error_message(std::string_view body);

}  // namespace askpro::net::calcom
