#include "actors/api/api_calls.hpp"

#include "persistence/db_client.hpp"

#include <caf/allowed_unsafe_message_type.hpp>

// Records travel as db_task replies (local messages only).
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::vector<askpro::persistence::call_record>)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::optional<askpro::persistence::call_record>)

namespace askpro::actors::api {

using persistence::call_record;
using persistence::connection;

Result<std::vector<call_record>> list_calls(const api_deps& deps, const principal& who,
                                            const call_query& q) {
  persistence::call_filter f;
  f.from_ms = q.from_ms;
  f.to_ms = q.to_ms;
  f.status = q.status;
  f.allowed_branches = who.branch_ids;
  f.before = q.before;
  f.limit = q.limit;
  auto scope = who.scope;
  return persistence::run_blocking<std::vector<call_record>>(
      *deps.sys, deps.registry->actor_at("/db"), persistence::access::read, deps.timeout,
      [scope, f](connection& c) { return persistence::list_calls(c, scope, f); });
}

Result<std::optional<call_record>> find_call(const api_deps& deps, const principal& who,
                                             int64_t id) {
  using found_t = std::optional<call_record>;
  auto scope = who.scope;
  auto found = persistence::run_blocking<found_t>(
      *deps.sys, deps.registry->actor_at("/db"), persistence::access::read, deps.timeout,
      [scope, id](connection& c) { return persistence::find_call_by_id(c, scope, id); });
  if (!found || !*found) return found;
  const auto& branch = (*found)->branch_id;
  if (!who.branch_ids.empty() && (!branch || !who.sees_branch(*branch))) return found_t{};
  return found;
}

}  // namespace askpro::actors::api
