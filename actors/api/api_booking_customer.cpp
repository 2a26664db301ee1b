// The customer checks around an API booking: the named customer belongs to the tenant; the
// e-mail given with a new customer is stored on the customer the booking found or created.
#include "actors/api/api_booking.hpp"

#include "persistence/db_client.hpp"
#include "persistence/repo/customer_repo.hpp"

namespace askpro::actors::api {

Result<bool> customer_exists(const api_deps& deps, const principal& who, int64_t id) {
  auto scope = who.scope;
  return persistence::run_blocking<bool>(*deps.sys, deps.registry->actor_at("/db"),
                                         persistence::access::read, deps.timeout,
                                         [scope, id](persistence::connection& c) -> Result<bool> {
                                           auto found = persistence::find_customer(c, scope, id);
                                           if (!found) return std::move(found.error());
                                           return found->has_value();
                                         });
}

Result<void> remember_email(const api_deps& deps, const principal& who, int64_t id,
                            const std::string& email) {
  auto scope = who.scope;
  auto now = runtime::to_unix_ms(deps.clock->now());
  auto audit = audit_of(who);
  return persistence::run_blocking<void>(
      *deps.sys, deps.registry->actor_at("/db"), persistence::access::write, deps.timeout,
      [scope, id, email, now, audit](persistence::connection& c) -> Result<void> {
        persistence::customer_patch patch;
        patch.email = email;
        auto done = persistence::update_customer(c, scope, id, patch, now, audit);
        if (!done) return std::move(done.error());
        return caf::unit;
      });
}

}  // namespace askpro::actors::api
