#pragma once
/// Listing a tenant's appointments for the REST API (SPEC S8): filters and keyset pages in
/// (start_at, id) order, so a page boundary stays put while rows are inserted.
/// Thread-safety: as the connection. Errors: those of the connection.

#include "persistence/connection.hpp"
#include "persistence/repo/booking_repo.hpp"
#include "persistence/repo/tenant_scope.hpp"
#include "runtime/error.hpp"

#include <optional>
#include <string>
#include <vector>

namespace askpro::persistence {

struct appointment_filter {
  std::optional<int64_t> from_ms;  ///< start_at >= from
  std::optional<int64_t> to_ms;    ///< start_at < to
  std::optional<std::string> status;
  std::optional<int64_t> branch_id, staff_id, customer_id;
  std::vector<int64_t> allowed_branches;  ///< a branch-limited token's branches; empty = all
  /// Only rows after this (start_at, id) position.
  std::optional<std::pair<int64_t, int64_t>> after;
  int limit = 50;
};

/// Up to `filter.limit` appointments in (start_at, id) order.
[[nodiscard]] Result<std::vector<appointment_record>> list_appointments(
    connection& conn, tenant_scope scope, const appointment_filter& filter);

}  // namespace askpro::persistence
