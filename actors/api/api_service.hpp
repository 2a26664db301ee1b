#pragma once
/// The tenant REST API's way into the runtime (SPEC S8): its dependencies and who is asking.
/// Every route of net/api first turns the bearer token into a `principal` here; the principal's
/// scope is the only tenant any later query may touch, so isolation holds by construction.
/// The decisions (which branches a token sees, how to book) live in actors/api/*; net/api only
/// translates between HTTP and these calls.
/// Thread-safety: callable concurrently from any non-actor thread (blocking: /db through
/// run_blocking, actors through runtime::ask, each with a timeout); never from an actor handler.
/// Ownership: `api_deps` borrows the actor system (it must outlive every call) and shares the
/// registry and clock.

#include "persistence/repo/tenant_scope.hpp"
#include "runtime/clock.hpp"
#include "runtime/error.hpp"
#include "runtime/tree_registry.hpp"

#include <caf/fwd.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace askpro::actors::api {

struct api_deps {
  caf::actor_system* sys = nullptr;                  ///< required; outlives every call
  runtime::registry_ptr registry;                    ///< required: /db and /directory
  runtime::clock_ptr clock;                          ///< required
  std::chrono::milliseconds timeout{5000};           ///< per /db or /directory hop
  std::chrono::milliseconds booking_timeout{10000};  ///< a request to a tenant's booking actor
  /// A token's last-used time is written at most this often (a write per request would
  /// serialise every API read on the database's writer).
  std::chrono::milliseconds touch_interval{60000};
};

/// Who a request comes from: an unrevoked API token of a tenant.
struct principal {
  persistence::tenant_scope scope{0};
  std::string tenant_slug;
  bool admin = false;               ///< scope "admin" may write; "read" may not
  std::vector<int64_t> branch_ids;  ///< the token's branches; empty = all
  int64_t token_id = 0;
  std::string token_name;  ///< names the token in the audit trail ("api:<name>")

  /// Whether the token may see rows of `branch_id`.
  bool sees_branch(int64_t branch_id) const;
};

/// The principal of `token` (the secret from `askpro token create`; never logged), or nullopt
/// when no unrevoked token has its hash. Records the use (last_used_at, at most once per
/// `touch_interval`; a failed touch is logged, not fatal).
/// Errors: the database's (storage, unavailable, timeout).
[[nodiscard]] Result<std::optional<principal>> authenticate(const api_deps& deps,
                                                            std::string_view token);

}  // namespace askpro::actors::api
