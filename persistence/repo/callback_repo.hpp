#pragma once
/// Callback requests (SPEC S6 `request_callback`): a caller asks the branch to call back. At
/// most one per call: a repeated request of the same call (Retell retries, the agent asks twice)
/// yields the first row. Thread-safety: as the connection. Errors: those of the connection.

#include "persistence/connection.hpp"
#include "persistence/repo/audit_context.hpp"
#include "persistence/repo/job_repo.hpp"
#include "persistence/repo/tenant_scope.hpp"
#include "runtime/error.hpp"

#include <caf/allowed_unsafe_message_type.hpp>

#include <optional>
#include <string>

namespace askpro::persistence {

struct callback_record {
  int64_t id = 0;
  std::optional<int64_t> branch_id, customer_id;
  std::optional<std::string> retell_call_id;
  std::optional<std::string> phone_e164;      ///< personal data
  std::string name, reason;                   ///< personal data
  std::optional<std::string> preferred_time;  ///< the caller's words, e.g. "morgen ab 14 Uhr"
  std::string status;                         ///< open | done
  int64_t created_at = 0;
};

/// What to record: the caller's reason and, apart from it, the preferred callback time if named.
struct callback_request {
  std::optional<int64_t> branch_id, customer_id;
  std::string retell_call_id;  ///< required: the key of "once per call"
  std::optional<std::string> phone_e164;
  std::string name, reason;
  std::optional<std::string> preferred_time;
  /// The notice to the branch, enqueued in the same transaction as the row (the outbox); not
  /// called for a repeat. Empty: no jobs.
  std::function<outbox_effects(const callback_record&)> outbox;
  audit_context who;  ///< recorded as `callback.requested` (without the caller's details)
};

/// Records the request, once per (tenant, call id): a repeat yields the stored row (`existing`
/// true) and changes nothing. Safe against a concurrent insert for the same call.
struct callback_outcome {
  callback_record record;
  bool existing = false;
};
[[nodiscard]] Result<callback_outcome> record_callback(connection& conn, tenant_scope scope,
                                                       const callback_request& req, int64_t now_ms);

/// The tenant's callback request of a call, if any.
/// Every callback request of the tenant linked to `customer_id` or asked for its number
/// `phone_e164` (found by blind index), oldest first.
[[nodiscard]] Result<std::vector<callback_record>> customer_callbacks(
    connection& conn, tenant_scope scope, int64_t customer_id,
    const std::optional<std::string>& phone_e164);

[[nodiscard]] Result<std::optional<callback_record>> find_callback_of_call(
    connection& conn, tenant_scope scope, const std::string& retell_call_id);

}  // namespace askpro::persistence

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::persistence::callback_outcome)
