#pragma once
/// What the tenant holds on one customer, for the GDPR export, and its erasure (SPEC S11).
/// Erasure anonymises in one transaction: the customer row (number, blind index, name, e-mail,
/// notes, consents; marked erased, so lookups skip it and the same number calling again is a new
/// customer), the notes and request keys of its appointments (which stay, anonymous, with their
/// times and prices untouched), the numbers, transcripts, summaries and analyses of its calls and
/// their webhook payloads, its callback requests, and the messages addressed to it (their
/// payloads emptied, queued ones cancelled). The ledger is not touched. The erasure is a
/// `customer.erased` audit event with counts only.
/// Thread-safety: as the connection. Errors: those of the connection and of sealed fields.

#include "persistence/connection.hpp"
#include "persistence/repo/audit_context.hpp"
#include "persistence/repo/call_repo.hpp"
#include "persistence/repo/callback_repo.hpp"
#include "persistence/repo/customer_repo.hpp"
#include "persistence/repo/job_repo.hpp"
#include "persistence/repo/tenant_scope.hpp"

#include <optional>
#include <vector>

namespace askpro::persistence {

struct customer_holdings {
  customer_record customer;
  std::vector<call_record> calls;
  std::vector<callback_record> callbacks;
  std::vector<job_record> messages;  ///< notifications addressed to the customer
};

/// Everything held on the tenant's customer `id`; nullopt when there is none (or it was erased).
[[nodiscard]] Result<std::optional<customer_holdings>> customer_holdings_of(connection& conn,
                                                                            tenant_scope scope,
                                                                            int64_t id);

/// The same, for an export: read and recorded as a `customer.exported` audit event (counts
/// only) in one transaction, so every disclosure of a customer's data is in the trail.
[[nodiscard]] Result<std::optional<customer_holdings>> export_customer_records(
    connection& conn, tenant_scope scope, int64_t id, int64_t now_ms, const audit_context& who);

struct erasure_report {
  int64_t appointments = 0, calls = 0, callbacks = 0, messages = 0;
};

/// Erases the tenant's customer `id` as described above; nullopt when there is none.
[[nodiscard]] Result<std::optional<erasure_report>> erase_customer(connection& conn,
                                                                   tenant_scope scope, int64_t id,
                                                                   int64_t now_ms,
                                                                   const audit_context& who);

}  // namespace askpro::persistence

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::optional<askpro::persistence::customer_holdings>)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::optional<askpro::persistence::erasure_report>)
