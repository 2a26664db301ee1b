#pragma once
/// A short-lived memory of which tenant (and Retell key) a dialled number leads to, so a busy
/// call does not read the same two rows from /db for every webhook and function call.
///
/// Freshness: an entry is reused for `ttl` of real (steady) time after it was read, then read
/// again. A re-applied tenant (new key, number moved, company deactivated) therefore takes
/// effect within `ttl`; the Retell handlers also re-read the number at once when a signature
/// does not verify with the cached key, so a new key works on its first request. Unknown
/// numbers are remembered too (a flood of them does not reach the database), and at most
/// `max_entries` numbers are kept (all are dropped when it is reached).
///
/// Thread-safety: every member is safe to call from any thread (one mutex, no I/O under it).
/// Ownership: holds copies of the routes, keys included (secrets: never log them).
/// Errors: none.

#include "actors/call/voice_router.hpp"

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace askpro::actors::call {

class route_cache {
 public:
  using clock_type = std::chrono::steady_clock;

  explicit route_cache(std::chrono::milliseconds ttl, std::size_t max_entries = 100000);

  /// The remembered answer for `e164` (nullopt inner: known to lead nowhere); nullopt when
  /// absent or older than the ttl.
  std::optional<std::optional<tenant_route>> find(const std::string& e164) const;

  /// Remembers the answer read for `e164` now.
  void put(const std::string& e164, std::optional<tenant_route> route);

  /// Forgets one number, every number of a tenant, or everything.
  void forget(const std::string& e164);
  void forget_tenant(const std::string& company_slug);
  void clear();

  std::chrono::milliseconds ttl() const { return ttl_; }

 private:
  struct entry {
    std::optional<tenant_route> route;
    clock_type::time_point read_at;
  };

  const std::chrono::milliseconds ttl_;
  const std::size_t max_entries_;
  mutable std::mutex mtx_;
  std::unordered_map<std::string, entry> entries_;
};

}  // namespace askpro::actors::call
