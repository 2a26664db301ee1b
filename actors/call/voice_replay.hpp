#pragma once
/// Start-up replay of the webhook inbox (SPEC S6, issue 4): Retell events recorded but not
/// processed (a crash after the 204, before the call record was updated) are applied when the
/// node starts, exactly as a redelivery would be — the inbox row is then marked processed, so a
/// second replay or a later redelivery changes nothing.
///
/// actors/ cannot parse Retell's JSON (that is net/'s codec), so the caller supplies a decoder
/// (net/retell/replay_decoder.hpp); the decisions — which rows, which tenant, what to do with a
/// row that can never apply — are made here.
/// Thread-safety: call from a non-actor thread (it blocks on /db and the voice actors) once the
/// node's tree is up. Errors: only when the inbox itself cannot be read; a row that fails is
/// counted and left for the next start (transient) or marked processed (never applicable).

#include "actors/call/voice_router.hpp"

#include <functional>
#include <optional>
#include <string>

namespace askpro::actors::call {

/// How a stored Retell body is read (supplied by net/).
struct stored_event_decoder {
  /// The dialled number as sent (`call.to_number` / `call_inbound.to_number`), nullopt when
  /// absent or the body is not JSON.
  std::function<std::optional<std::string>(const std::string& payload)> dialled_number;
  /// The event for `route`'s tenant: name, call id, call opening and update. Errors: an
  /// unparseable body (errc::invalid_argument).
  std::function<Result<call_event>(const std::string& payload, const tenant_route& route)> decode;
};

struct replay_report {
  int applied = 0;  ///< events applied to their call record
  int dropped = 0;  ///< rows that can never apply (no tenant, unparseable, call_inbound): marked
  int failed = 0;   ///< transient failures (database, timeout): left for the next start
};

/// Replays up to `limit` unprocessed Retell inbox rows, oldest first.
[[nodiscard]] Result<replay_report> replay_pending(const voice_deps& deps,
                                                   const stored_event_decoder& decoder,
                                                   int limit = 1000);

}  // namespace askpro::actors::call
