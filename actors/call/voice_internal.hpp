#pragma once
/// Shared by voice_*.cpp and event_batcher.cpp only.

#include "actors/call/voice_router.hpp"
#include "actors/tenant/tenant_directory.hpp"
#include "persistence/connection.hpp"
#include "persistence/repo/tenant_scope.hpp"

#include <string>
#include <utility>
#include <vector>

namespace askpro::actors::call {

/// The loaded tenant of `route` through /directory (loads it on first use).
Result<tenant::tenant_handle> tenant_of(const voice_deps& deps, const tenant_route& route);

/// Records `ev` in the inbox and applies it to the call row, in the caller's transaction on
/// `c` (see record_call_event). Errors: the repositories'.
Result<event_outcome> apply_event(persistence::connection& c, persistence::tenant_scope scope,
                                  const call_event& ev, int64_t now);

/// Before a transaction applies `events` (scope, event name): locks the balance rows of the
/// tenants whose events charge a call, in company id order (ledger_repo.hpp
/// lock_company_balance), so neither a Stripe write nor another node's batch deadlocks with it.
Result<void> lock_charged_tenants(
    persistence::connection& c,
    const std::vector<std::pair<persistence::tenant_scope, std::string>>& events);

}  // namespace askpro::actors::call
