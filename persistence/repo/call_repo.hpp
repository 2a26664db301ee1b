#pragma once
/// Calls of a tenant (SPEC S4 "Call"): created once per Retell call id by whichever comes first
/// (inbound webhook, call_started, a function call), then updated field by field as events
/// arrive. Thread-safety: as the connection. Errors: those of the connection plus the ones named.

#include "persistence/connection.hpp"
#include "persistence/repo/tenant_scope.hpp"
#include "runtime/error.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace askpro::persistence {

struct call_record {
  int64_t id = 0;
  std::optional<int64_t> branch_id;
  std::string retell_call_id, agent_id, direction, status;
  std::optional<std::string> from_number, to_number;
  std::optional<int64_t> started_at, ended_at, duration_ms;
  std::optional<std::string> disconnection_reason, transcript, transcript_object;
  std::optional<std::string> summary, sentiment, analysis;
  std::optional<bool> successful;
  std::optional<int64_t> cost_cents, customer_id, charged_at;
  int64_t created_at = 0, updated_at = 0;
};

/// What a call starts with (the first event or function call that names it).
struct call_opening {
  std::string retell_call_id;
  std::optional<int64_t> branch_id;
  std::string agent_id;
  std::string direction = "inbound";
  std::optional<std::string> from_number, to_number;
  std::optional<int64_t> customer_id;
};

/// The call with this Retell id, created from `opening` when missing (insert-once: concurrent
/// openers end with one row). errc::forbidden when the id belongs to another tenant.
[[nodiscard]] Result<call_record> open_call(connection& conn, tenant_scope scope,
                                            const call_opening& opening, int64_t now_ms);

/// Fields to set; absent ones keep their stored value.
struct call_update {
  std::optional<std::string> status, disconnection_reason, transcript, transcript_object;
  std::optional<std::string> summary, sentiment, analysis;
  std::optional<int64_t> started_at, ended_at, duration_ms, cost_cents, customer_id;
  std::optional<bool> successful;
};

/// Applies `update` to the tenant's call. errc::not_found when it is not the tenant's.
[[nodiscard]] Result<call_record> update_call(connection& conn, tenant_scope scope,
                                              const std::string& retell_call_id,
                                              const call_update& update, int64_t now_ms);

[[nodiscard]] Result<std::optional<call_record>> find_call(connection& conn, tenant_scope scope,
                                                           const std::string& retell_call_id);

/// open_call then update_call in as few statements as possible, reading nothing back: a new
/// call is one INSERT carrying `update`'s fields, an existing one of the tenant one UPDATE (none
/// when `update` sets nothing). errc::forbidden when the id belongs to another tenant. For
/// applying provider events; insert-once as open_call. Answers true when this call inserted the
/// row (the call's first record), false when it existed.
[[nodiscard]] Result<bool> apply_call(connection& conn, tenant_scope scope,
                                      const call_opening& opening, const call_update& update,
                                      int64_t now_ms);

/// Every call of the tenant linked to `customer_id` or made from its number `phone_e164`
/// (found by blind index), oldest first (GDPR export and erasure).
[[nodiscard]] Result<std::vector<call_record>> customer_calls(
    connection& conn, tenant_scope scope, int64_t customer_id,
    const std::optional<std::string>& phone_e164);

/// The call with this row id, when it is the tenant's.
/// Retention (tenant file `retention.transcript_days`): clears the transcript and transcript
/// object of every call that ended longer ago than its tenant keeps transcripts; tenants with
/// 0 days keep them. Housekeeping across tenants; yields the number of calls purged.
[[nodiscard]] Result<int64_t> purge_transcripts(connection& conn, int64_t now_ms);

[[nodiscard]] Result<std::optional<call_record>> find_call_by_id(connection& conn,
                                                                 tenant_scope scope, int64_t id);

/// A page of calls, newest first, in (created_at, id) descending order; `before` is the
/// (created_at, id) of the last row of the previous page. `allowed_branches` limits to a
/// branch-limited token's branches (empty = all).
struct call_filter {
  std::optional<int64_t> from_ms, to_ms;  ///< created_at window [from, to)
  std::optional<std::string> status;
  std::vector<int64_t> allowed_branches;
  std::optional<std::pair<int64_t, int64_t>> before;
  int limit = 50;
};
[[nodiscard]] Result<std::vector<call_record>> list_calls(connection& conn, tenant_scope scope,
                                                          const call_filter& filter);

}  // namespace askpro::persistence
