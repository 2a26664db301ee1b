#pragma once
/// A blocking Cal.com API v2 client for ONE API key and base URL: slots, bookings (create, find
/// by our request key, cancel, reschedule) over one keep-alive connection (cpp-httplib's client,
/// kept between calls; rebuilt after a transport error). Each call sends
/// `Authorization: Bearer <key>` and the `cal-api-version` its route wants (slots 2024-09-04,
/// bookings 2024-08-13) and waits at most `timeout`.
///
/// It translates and never decides: rate limits, caching and breakers belong to the connection
/// actor that owns it (it never retries on its own).
///
/// Thread-safety: none — one owner (a detached actor) at a time. Ownership: owns its connection.
/// Errors (askpro::errc): slot_taken (400 "already has booking / not available"), unauthorized
/// (401/403: the key is wrong; the message names no secret), conflict (another 4xx: our request
/// was refused), unavailable (5xx, an unreadable answer, connection refused), timeout (no answer
/// within `timeout`), and 429 as errc::unavailable with `retry_after()` set.

#include "net/calcom/codec.hpp"
#include "runtime/error.hpp"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace askpro::net::calcom {

struct client_options {
  std::string base_url;  ///< API root without /v2, e.g. https://api.cal.com or http://127.0.0.1:P
  std::string api_key;   ///< secret: never logged
  std::chrono::milliseconds timeout{3000};
};

struct slots_query {
  int64_t event_type_id = 0;
  int64_t from_ms = 0, to_ms = 0;  ///< [from, to) in UTC
  std::string time_zone;           ///< the branch's zone (Cal.com groups days in it)
  int duration_min = 0;            ///< 0: the event type's length
};

class client {
 public:
  explicit client(client_options opts);
  ~client();
  client(const client&) = delete;
  client& operator=(const client&) = delete;

  /// Free slot starts (UTC ms, ascending) of the event type in [from, to).
  [[nodiscard]] Result<std::vector<int64_t>> slots(const slots_query& q);
  /// Books; the answer is the created booking.
  [[nodiscard]] Result<booking_data> book(const booking_input& in);
  /// Bookings of the event type starting in [from, to), for finding one by its metadata.
  [[nodiscard]] Result<std::vector<booking_data>> bookings(int64_t event_type_id, int64_t from_ms,
                                                           int64_t to_ms);
  /// Cancels (cancelling a cancelled booking again is fine at Cal.com).
  [[nodiscard]] Result<booking_data> cancel(const std::string& uid, const std::string& reason);
  /// Moves a booking; the answer is the NEW booking (new uid).
  [[nodiscard]] Result<booking_data> reschedule(const std::string& uid, int64_t start_ms,
                                                const std::string& reason);

  /// After a 429: how long Cal.com asked us to wait (Retry-After, default 60 s); else nullopt.
  std::optional<std::chrono::milliseconds> retry_after() const { return retry_after_; }

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
  std::optional<std::chrono::milliseconds> retry_after_;
};

}  // namespace askpro::net::calcom
