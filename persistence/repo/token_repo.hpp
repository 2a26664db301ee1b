#pragma once
/// API tokens (`askpro token create`, tenant REST API auth). Only the SHA-256 hex of a token is
/// stored. Thread-safety: as the connection. Errors: those of the connection plus the ones named.
/// A found token (std::optional<token_record>) may travel in local CAF messages.

#include "persistence/connection.hpp"
#include "persistence/repo/tenant_scope.hpp"
#include "runtime/error.hpp"

#include <caf/allowed_unsafe_message_type.hpp>

#include <optional>
#include <string>
#include <vector>

namespace askpro::persistence {

struct token_record {
  int64_t id = 0;
  tenant_scope scope{0};
  std::string company_slug;
  std::string name;
  std::string scope_name;           ///< "admin" | "read"
  std::vector<int64_t> branch_ids;  ///< empty = every branch
  std::vector<std::string> branch_slugs;
  int64_t created_at = 0;
  std::optional<int64_t> last_used_at;
  std::optional<int64_t> revoked_at;
};

/// Stores a token. `branch_slugs` must name branches of the tenant (errc::not_found naming the
/// slug otherwise). Yields the stored record.
[[nodiscard]] Result<token_record> insert_token(connection& conn, tenant_scope scope,
                                                const std::string& name,
                                                const std::string& token_hash_hex,
                                                const std::string& scope_name,
                                                const std::vector<std::string>& branch_slugs,
                                                int64_t now_ms);

/// The unrevoked token with this hash whose company is `active`, or nullopt (a suspended
/// tenant's tokens authenticate like unknown ones).
[[nodiscard]] Result<std::optional<token_record>> find_token(connection& conn,
                                                             const std::string& token_hash_hex);

/// Records a use of the token.
[[nodiscard]] Result<void> touch_token(connection& conn, tenant_scope scope, int64_t token_id,
                                       int64_t now_ms);

/// Every token of the tenant, revoked ones included, oldest first (`askpro token list`).
[[nodiscard]] Result<std::vector<token_record>> list_tokens(connection& conn, tenant_scope scope);

/// Revokes the tenant's unrevoked tokens named `name`; yields how many. Authentication reads
/// the token row on every request, so a revoked token is refused at once on every node.
[[nodiscard]] Result<int64_t> revoke_tokens(connection& conn, tenant_scope scope,
                                            const std::string& name, int64_t now_ms);

}  // namespace askpro::persistence

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::optional<askpro::persistence::token_record>)
