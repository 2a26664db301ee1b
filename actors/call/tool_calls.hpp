#pragma once
/// The functions of SPEC S6 for agents that are not on a phone call (the MCP server, S15): a
/// conversation plays the part of a call. Its functions run in a call session actor of their
/// own (/tenants/<slug>/calls/<conversation id>) exactly as a voice call's do, so idempotency
/// (a repeated booking returns the same appointment) and the own-appointment rules hold per
/// conversation; the caller is the `phone` argument instead of Retell's from_number.
/// Decided here: which branch a conversation books at (the `branch` argument, else the one
/// branch the token may see), and that read-only tokens cannot run functions that write.
/// Thread-safety: callable concurrently from any non-actor thread; never from an actor handler.
/// Errors: as voice_router.hpp run_function (no session could answer); every business outcome
/// (also an unknown branch or a read-only token) is a reply with success = false.

#include "actors/call/voice_router.hpp"
#include "persistence/repo/tenant_scope.hpp"

#include <optional>
#include <string>
#include <vector>

namespace askpro::actors::call {

/// Who runs the functions: a tenant API token's principal.
struct tool_caller {
  std::string tenant_slug;
  persistence::tenant_scope scope{0};
  std::vector<int64_t> branch_ids;  ///< the token's branches; empty = all
  bool admin = false;               ///< a read-only token may not run functions that write
};

/// One function of the conversation `conversation_id` (letters, digits, '_' and '-', at most
/// 128 characters: a call id) for the caller at `phone` (nullopt: not given) at `branch` (a
/// branch slug; nullopt: the one branch the token may see).
[[nodiscard]] Result<function_reply> run_tool(const voice_deps& deps, const tool_caller& who,
                                              const std::string& conversation_id,
                                              const std::optional<std::string>& phone,
                                              const std::optional<std::string>& branch,
                                              function_request request);

/// The conversation ended: its sessions stop after the grace (as after call_ended).
void end_conversation(const voice_deps& deps, const std::string& tenant_slug,
                      const std::vector<std::string>& conversation_ids);

}  // namespace askpro::actors::call
