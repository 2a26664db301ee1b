#pragma once
/// An external calendar (Cal.com) as the calendar connection actor sees it: a blocking client of
/// one account that lists free slot starts and books, finds, cancels and moves bookings, and the
/// gate that keeps one credential under its provider's request limit. The connection actor
/// (remote_provider.hpp) decides; implementations (net/calcom) only speak the wire format.
///
/// Thread-safety: a `remote_calendar` has one owner at a time (the connection's detached worker);
/// a `request_gate` is shared by every connection using the same credential and must be
/// thread-safe. Ownership: the factory makes a fresh client owned by the caller.
/// Errors (askpro::errc): slot_taken (the provider refused the start), unauthorized (bad
/// credentials), conflict (another refusal of our request), unavailable (5xx, broken answer,
/// connection refused; also a 429, with retry_after() set), timeout.

#include "runtime/clock.hpp"
#include "runtime/error.hpp"

#include <caf/allowed_unsafe_message_type.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace askpro::actors::calendar {

struct remote_slots_query {
  int64_t event_type_id = 0;
  int64_t from_ms = 0, to_ms = 0;  ///< [from, to) in UTC
  std::string time_zone;           ///< the branch's zone
  int duration_min = 0;            ///< 0: the event type's own length
};

struct remote_booking {
  std::string uid, status;  ///< status: accepted | pending | cancelled | rejected
  int64_t start_ms = 0, end_ms = 0;
};

/// A booking to make. Personal data (name, email, phone): never logged.
struct remote_booking_input {
  int64_t start_ms = 0, event_type_id = 0;
  int length_min = 0;
  std::string name, time_zone, email, phone, language;
  /// Our idempotency key, stored with the booking so `find` can tell an earlier try.
  std::optional<std::string> request_key;
};

class remote_calendar {
 public:
  virtual ~remote_calendar() = default;
  /// Free slot starts (UTC ms, ascending) in [from, to).
  [[nodiscard]] virtual Result<std::vector<int64_t>> slots(const remote_slots_query& q) = 0;
  [[nodiscard]] virtual Result<remote_booking> book(const remote_booking_input& in) = 0;
  /// The live booking of the event type in [from, to) made with `request_key`.
  [[nodiscard]] virtual Result<std::optional<remote_booking>> find(int64_t event_type_id,
                                                                   int64_t from_ms, int64_t to_ms,
                                                                   const std::string& key) = 0;
  [[nodiscard]] virtual Result<remote_booking> cancel(const std::string& uid,
                                                      const std::string& reason) = 0;
  /// Moves a booking; the answer is the new booking (a new uid).
  [[nodiscard]] virtual Result<remote_booking> reschedule(const std::string& uid, int64_t start_ms,
                                                          const std::string& reason) = 0;
  /// After a 429: how long the provider asked us to wait.
  virtual std::optional<std::chrono::milliseconds> retry_after() const = 0;
};

using remote_calendar_factory = std::function<std::unique_ptr<remote_calendar>()>;

/// The slot answers every node's connections to one account share (the L2 cache), and the news
/// that they went stale. Blocking; owned by the connection's worker.
class shared_slots {
 public:
  virtual ~shared_slots() = default;
  /// The stored answer for `key`, or nullopt (also when the store cannot answer).
  virtual std::optional<std::vector<int64_t>> get(const std::string& key) = 0;
  /// Stores an answer for `ttl` (failures are only logged: the cache is an optimisation).
  virtual void put(const std::string& key, const std::vector<int64_t>& starts,
                   std::chrono::milliseconds ttl) = 0;
  /// Drops every stored answer of the account and tells the other nodes' connections to drop
  /// theirs.
  virtual void invalidate() = 0;
};

using shared_slots_factory = std::function<std::unique_ptr<shared_slots>()>;

/// At most N requests in any window per credential (runtime/window_limiter.hpp semantics),
/// in-process or shared between nodes.
class request_gate {
 public:
  virtual ~request_gate() = default;
  /// Grants one request at `now` (nullopt) or answers the earliest time one may go (nothing
  /// recorded).
  virtual std::optional<runtime::clock::time_point> try_acquire(runtime::clock::time_point now) = 0;
  /// Grants nothing before `until` (the provider's Retry-After).
  virtual void pause_until(runtime::clock::time_point until) = 0;
};

/// An in-process gate over runtime::window_limiter, guarded by a mutex.
std::shared_ptr<request_gate> make_local_gate(int limit, std::chrono::milliseconds window);

/// Gates by credential: every connection using the same key shares one gate. `make` builds the
/// gate of a key seen for the first time. Thread-safe.
class gate_pool {
 public:
  using maker = std::function<std::shared_ptr<request_gate>(const std::string& credential)>;
  explicit gate_pool(maker make) : make_(std::move(make)) {}
  std::shared_ptr<request_gate> gate_for(const std::string& credential);

 private:
  maker make_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<request_gate>>
      gates_;  ///< by credential (kept in memory only)
};

}  // namespace askpro::actors::calendar

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::calendar::remote_slots_query)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::calendar::remote_booking)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::optional<askpro::actors::calendar::remote_booking>)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::calendar::remote_booking_input)
