#pragma once
/// The tenant's calls as the REST API sees them (SPEC S8): newest first in keyset pages, and one
/// call with transcript and analysis. A branch-limited token sees only calls of its branches
/// (a call not yet tied to a branch is invisible to it), both in lists and by id.
/// Thread-safety: as api_service.hpp (blocking, any non-actor thread).
/// Errors: the database's (storage, unavailable, timeout).

#include "actors/api/api_service.hpp"
#include "persistence/repo/call_repo.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace askpro::actors::api {

struct call_query {
  std::optional<int64_t> from_ms, to_ms;  ///< created_at window [from, to)
  std::optional<std::string> status;
  std::optional<std::pair<int64_t, int64_t>> before;  ///< (created_at, id) of the last row seen
  int limit = 50;
};

/// Up to `q.limit` calls, newest first in (created_at, id) descending order.
[[nodiscard]] Result<std::vector<persistence::call_record>> list_calls(const api_deps& deps,
                                                                       const principal& who,
                                                                       const call_query& q);

/// The call with row id `id` when `who` may see it; nullopt otherwise (missing, foreign or
/// another branch alike).
[[nodiscard]] Result<std::optional<persistence::call_record>> find_call(const api_deps& deps,
                                                                        const principal& who,
                                                                        int64_t id);

}  // namespace askpro::actors::api
