#pragma once
/// The tamper-evident audit trail (SPEC S11): every state change of a tenant appends an event
/// in the same transaction as the change. Each event carries who did it (`actor`), the
/// correlation id of the request or call, an action name and a payload without personal data,
/// and `hash` = SHA-256 over the previous event's hash and its own fields, so the events of a
/// tenant form a chain. The newest hash is kept on the company row (`audit_head`), which the
/// append locks: appends of one tenant are serialised on every node, and removing the last
/// events is detected too.
///
/// Thread-safety: plain functions over a connection (one thread at a time).
/// Errors: the connection's; errc::internal when `append_audit` runs outside a transaction.

#include "persistence/connection.hpp"
#include "persistence/repo/audit_context.hpp"
#include "persistence/repo/tenant_scope.hpp"
#include "runtime/error.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace askpro::persistence {

/// Appends an event to the tenant's chain; `payload` is a JSON object's text without personal
/// data (ids, slugs, amounts, times). Must run inside the change's transaction.
[[nodiscard]] Result<void> append_audit(connection& conn, tenant_scope scope,
                                        const audit_context& who, std::string_view action,
                                        const std::string& payload, int64_t now_ms);

/// append_audit for a caller that holds the company row locked and has read its audit_head
/// (`head`) anyway (the ledger, with the balance): inserts the event only and yields the new
/// head, which the caller stores as companies.audit_head in the same transaction.
[[nodiscard]] Result<std::string> append_audit_after(connection& conn, tenant_scope scope,
                                                     const audit_context& who,
                                                     std::string_view action,
                                                     const std::string& payload, int64_t now_ms,
                                                     const std::string& head);

struct audit_event {
  int64_t id = 0;
  std::string actor, action, correlation, payload;
  int64_t created_at = 0;
  std::string prev_hash, hash;
};

/// The tenant's events in order, from after `after_id`, at most `limit`.
[[nodiscard]] Result<std::vector<audit_event>> list_audit(connection& conn, tenant_scope scope,
                                                          int64_t after_id, int limit);

/// The hash an event must carry given its predecessor's hash (exposed for the verifier).
std::string audit_hash(int64_t company_id, const audit_event& e);

/// What `verify_audit` found for one tenant.
struct audit_verdict {
  int64_t events = 0;                ///< events checked
  std::optional<int64_t> broken_at;  ///< first event that breaks the chain (0: its end)
  std::string problem;               ///< what is wrong there; empty when intact
};

/// Recomputes the tenant's chain: intact, or the first event that was altered, or whose
/// predecessor was removed or inserted, or an end that is not the recorded head.
[[nodiscard]] Result<audit_verdict> verify_audit(connection& conn, tenant_scope scope);

struct tenant_audit {
  std::string slug;
  audit_verdict verdict;
};

/// `verify_audit` for every tenant by id, or only the tenant `slug` (errc::not_found when there
/// is none).
[[nodiscard]] Result<std::vector<tenant_audit>> verify_audits(
    connection& conn, const std::optional<std::string>& slug);

}  // namespace askpro::persistence
