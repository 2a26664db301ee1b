#pragma once
/// The tenant's billing as the REST API sees it (SPEC S8/S9): the balance, the ledger newest
/// first in keyset pages, and a month's usage — the sums of that month's ledger entries, the
/// month being the tenant's local calendar month. Read tokens may read all three; a
/// branch-limited token too (the balance is the tenant's, not a branch's).
/// Thread-safety: as api_service.hpp (blocking, any non-actor thread).
/// Errors: the database's (storage, unavailable, timeout); errc::invalid_argument for a month
/// that is not YYYY-MM.

#include "actors/api/api_service.hpp"
#include "persistence/repo/ledger_repo.hpp"

#include <optional>
#include <string>
#include <vector>

namespace askpro::actors::api {

struct balance_view {
  persistence::balance_info balance;
  std::string time_zone;  ///< the tenant's, for the entries' times
};

[[nodiscard]] Result<balance_view> read_balance(const api_deps& deps, const principal& who);

/// Up to `limit` entries older than entry `before_id` (all when nullopt), newest first.
[[nodiscard]] Result<std::vector<persistence::ledger_entry>> list_ledger(
    const api_deps& deps, const principal& who, std::optional<int64_t> before_id, int limit);

/// The usage of `month` ("YYYY-MM") in the tenant's zone.
[[nodiscard]] Result<persistence::usage_totals> month_usage(const api_deps& deps,
                                                            const principal& who,
                                                            const std::string& month);

}  // namespace askpro::actors::api
