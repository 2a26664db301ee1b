#pragma once
/// The webhook inbox: every inbound provider event recorded once, before it is answered, so a
/// redelivery is recognised and a crash after the answer loses nothing (unprocessed rows are
/// replayed at start-up). The inbox belongs to the runtime, not to a tenant: events are recorded
/// before (and whether or not) a tenant is resolved. Thread-safety: as the connection.

#include "persistence/connection.hpp"
#include "runtime/error.hpp"

#include <caf/allowed_unsafe_message_type.hpp>

#include <optional>
#include <string>
#include <vector>

namespace askpro::persistence {

struct inbox_record {
  int64_t id = 0;
  std::string provider, external_id, event, payload;
  int64_t received_at = 0;
  std::optional<int64_t> processed_at;
};

/// Records (provider, external_id, event) once. Yields the row and whether this call inserted
/// it (`fresh` false: a redelivery; the stored payload is kept).
struct recorded_event {
  inbox_record record;
  bool fresh = false;
};
[[nodiscard]] Result<recorded_event> record_event(connection& conn, const std::string& provider,
                                                  const std::string& external_id,
                                                  const std::string& event,
                                                  const std::string& payload, int64_t now_ms);

/// Records (provider, external_id, event) already marked processed at `now_ms`, for a caller
/// that applies the event in the same transaction (a failed apply rolls both back, so a row is
/// never processed without its effect). One statement for a first delivery: yields nullopt.
/// The payload is not stored: such a row is never replayed, and its personal data is kept once,
/// in the records the event changed.
/// A redelivery keeps the stored row and yields it as stored, processed or not (a row recorded
/// by record_event and not yet applied: the caller applies it and calls mark_processed).
[[nodiscard]] Result<std::optional<inbox_record>> record_applied_event(
    connection& conn, const std::string& provider, const std::string& external_id,
    const std::string& event, int64_t now_ms);

/// Marks an event processed (idempotent).
[[nodiscard]] Result<void> mark_processed(connection& conn, int64_t id, int64_t now_ms);

/// Unprocessed events, oldest first, at most `limit`.
[[nodiscard]] Result<std::vector<inbox_record>> pending_events(connection& conn, int limit);

}  // namespace askpro::persistence

// The pending rows travel from a /db worker to a blocking caller in a local message.
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::vector<askpro::persistence::inbox_record>)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::persistence::recorded_event)
