#pragma once
/// One synchronous hiredis connection. After any connection-level error (I/O, EOF, protocol,
/// timeout) the context is unusable: `broken()` turns true and the owner must build a new one.
///
/// Thread-safety: none (a hiredis context is not thread-safe); one thread at a time.
/// Ownership: owns its redisContext. Errors: errc::unavailable for connection-level failures
/// (refused, timed out, closed by the server), with hiredis' text; errc::storage when AUTH or
/// SELECT is refused.

#include "persistence/redis/redis_reply.hpp"
#include "persistence/redis/redis_url.hpp"
#include "runtime/error.hpp"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct redisContext;

namespace askpro::persistence {

class redis_connection {
 public:
  /// Connects, authenticates when the endpoint has a password and selects its database.
  [[nodiscard]] static Result<std::unique_ptr<redis_connection>> connect(
      const redis_endpoint& endpoint, std::chrono::milliseconds timeout);
  ~redis_connection();
  redis_connection(const redis_connection&) = delete;
  redis_connection& operator=(const redis_connection&) = delete;

  /// Sends one command (binary-safe arguments) and waits for its reply.
  [[nodiscard]] Result<redis_reply> command(const std::vector<std::string>& argv);

  /// The next reply the server pushes (a subscription's messages), waiting at most `wait`;
  /// nullopt when none came. Errors: errc::unavailable (the connection is then broken).
  [[nodiscard]] Result<std::optional<redis_reply>> receive(std::chrono::milliseconds wait);

  bool broken() const { return broken_; }

  /// Non-blocking check whether the server has closed (or desynchronised) the connection since
  /// the last reply; true also marks the connection broken.
  bool peer_closed();

 private:
  explicit redis_connection(redisContext* ctx) : ctx_(ctx) {}
  redisContext* ctx_;
  bool broken_ = false;
};

}  // namespace askpro::persistence
