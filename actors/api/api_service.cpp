#include "actors/api/api_service.hpp"

#include "actors/tenant/api_token.hpp"
#include "persistence/db_client.hpp"
#include "persistence/repo/token_repo.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace askpro::actors::api {
namespace {

using persistence::connection;
using persistence::token_record;

bool due_for_touch(const api_deps& deps, const token_record& t, int64_t now) {
  if (!t.last_used_at) return true;
  return now - *t.last_used_at >= deps.touch_interval.count();
}

void touch(const api_deps& deps, const token_record& t, int64_t now) {
  auto scope = t.scope;
  auto id = t.id;
  auto done = persistence::run_blocking<void>(
      *deps.sys, deps.registry->actor_at("/db"), persistence::access::write, deps.timeout,
      [scope, id, now](connection& c) { return persistence::touch_token(c, scope, id, now); });
  if (!done) spdlog::warn("api token {}: last use not recorded: {}", id, describe(done.error()));
}

}  // namespace

bool principal::sees_branch(int64_t branch_id) const {
  return branch_ids.empty() ||
         std::find(branch_ids.begin(), branch_ids.end(), branch_id) != branch_ids.end();
}

Result<std::optional<principal>> authenticate(const api_deps& deps, std::string_view token) {
  using found_t = std::optional<token_record>;
  if (token.empty()) return std::optional<principal>{};
  auto hash = tenant::token_hash(token);
  auto found = persistence::run_blocking<found_t>(
      *deps.sys, deps.registry->actor_at("/db"), persistence::access::read, deps.timeout,
      [hash](connection& c) { return persistence::find_token(c, hash); });
  if (!found) return std::move(found.error());
  if (!*found) return std::optional<principal>{};
  const auto& t = **found;
  auto now = runtime::to_unix_ms(deps.clock->now());
  if (due_for_touch(deps, t, now)) touch(deps, t, now);
  return principal{t.scope, t.company_slug, t.scope_name == "admin", t.branch_ids, t.id, t.name};
}

}  // namespace askpro::actors::api
