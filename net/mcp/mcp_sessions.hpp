#pragma once
/// The MCP sessions of this node (Streamable HTTP `Mcp-Session-Id`, SPEC S15): issued at
/// `initialize`, bound to the token that opened them (another token presenting the id finds
/// nothing), ended by DELETE or after `idle` without a request. A session keeps its negotiated
/// protocol revision and the conversations it ran: one per caller phone, so a session that
/// speaks for two callers never mixes their appointments.
/// Thread-safety: every member is safe to call concurrently (one mutex; no call blocks on I/O).
/// Ownership: the MCP route group owns the store for the listener's lifetime.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace askpro::net::mcp {

struct mcp_session {
  std::string id;        ///< 32 hex digits from the OS's random source
  int64_t token_id = 0;  ///< the token that opened it
  std::string tenant_slug;
  std::string protocol;  ///< the negotiated revision, e.g. "2025-06-18"
  std::chrono::steady_clock::time_point last_used;
  std::map<std::string, int> callers;  ///< phone as given → conversation number (1, 2, …)
};

class mcp_sessions {
 public:
  explicit mcp_sessions(std::chrono::seconds idle = std::chrono::minutes{30},
                        std::size_t capacity = 10000)
      : idle_(idle), capacity_(capacity) {}

  /// A new session; nullopt when `capacity` sessions are open (idle ones are swept first).
  std::optional<mcp_session> open(int64_t token_id, const std::string& tenant_slug,
                                  const std::string& protocol);

  /// The session `id` of `token_id`, touched; nullopt when unknown, expired or another token's.
  std::optional<mcp_session> use(const std::string& id, int64_t token_id);

  /// The conversation id of `phone` (nullopt: no phone) in session `id`: "mcp_<id>_<n>".
  std::string conversation(const std::string& id, const std::optional<std::string>& phone);

  /// Ends the session; yields its conversation ids (empty when there was none).
  std::optional<std::vector<std::string>> close(const std::string& id, int64_t token_id);

  /// A session ended by idleness: its tenant and conversation ids (for their call sessions).
  struct ended {
    std::string tenant_slug;
    std::vector<std::string> conversations;
  };
  /// Removes the sessions idle longer than `idle`.
  std::vector<ended> sweep();

 private:
  std::vector<ended> sweep_locked(std::chrono::steady_clock::time_point now);

  std::chrono::seconds idle_;
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::map<std::string, mcp_session> sessions_;
};

}  // namespace askpro::net::mcp
