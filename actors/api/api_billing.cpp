#include "actors/api/api_billing.hpp"

#include "actors/api/api_time.hpp"
#include "persistence/db_client.hpp"
#include "persistence/repo/catalog_repo.hpp"

#include <date/date.h>

#include <caf/allowed_unsafe_message_type.hpp>

#include <sstream>

// Replies of db tasks (local messages only).
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::api::balance_view)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::vector<askpro::persistence::ledger_entry>)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::persistence::usage_totals)

namespace askpro::actors::api {
namespace {

using persistence::connection;

Result<std::string> zone_of(connection& c, const std::string& slug) {
  auto company = persistence::find_company(c, slug);
  if (!company) return std::move(company.error());
  if (!*company) return make_error(errc::not_found, "no such tenant");
  return (*company)->time_zone;
}

/// "YYYY-MM" → the first day of that month and of the next ("YYYY-MM-DD").
std::optional<std::pair<std::string, std::string>> month_days(const std::string& month) {
  if (month.size() != 7 || month[4] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0;
  try {
    y = std::stoi(month.substr(0, 4));
    m = static_cast<unsigned>(std::stoi(month.substr(5, 2)));
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (m < 1 || m > 12 || y < 1970 || y > 9999) return std::nullopt;
  date::year_month first{date::year{y}, date::month{m}};
  auto next = first + date::months{1};
  std::ostringstream a, b;
  a << date::year_month_day{first / 1};
  b << date::year_month_day{next / 1};
  return std::pair{a.str(), b.str()};
}

}  // namespace

Result<balance_view> read_balance(const api_deps& deps, const principal& who) {
  auto scope = who.scope;
  auto slug = who.tenant_slug;
  return persistence::run_blocking<balance_view>(
      *deps.sys, deps.registry->actor_at("/db"), persistence::access::read, deps.timeout,
      [scope, slug](connection& c) -> Result<balance_view> {
        auto b = persistence::read_balance(c, scope);
        if (!b) return std::move(b.error());
        auto zone = zone_of(c, slug);
        if (!zone) return std::move(zone.error());
        return balance_view{*b, *zone};
      });
}

Result<std::vector<persistence::ledger_entry>> list_ledger(const api_deps& deps,
                                                           const principal& who,
                                                           std::optional<int64_t> before_id,
                                                           int limit) {
  auto scope = who.scope;
  return persistence::run_blocking<std::vector<persistence::ledger_entry>>(
      *deps.sys, deps.registry->actor_at("/db"), persistence::access::read, deps.timeout,
      [scope, before_id, limit](connection& c) {
        return persistence::list_ledger(c, scope, before_id, limit);
      });
}

Result<persistence::usage_totals> month_usage(const api_deps& deps, const principal& who,
                                              const std::string& month) {
  auto days = month_days(month);
  if (!days) return make_error(errc::invalid_argument, "month must be YYYY-MM");
  auto scope = who.scope;
  auto slug = who.tenant_slug;
  return persistence::run_blocking<persistence::usage_totals>(
      *deps.sys, deps.registry->actor_at("/db"), persistence::access::read, deps.timeout,
      [scope, slug, days = *days](connection& c) -> Result<persistence::usage_totals> {
        auto zone = zone_of(c, slug);
        if (!zone) return std::move(zone.error());
        auto from = local_midnight(*zone, days.first);
        auto to = local_midnight(*zone, days.second);
        if (!from || !to) return make_error(errc::internal, "the tenant's zone is unknown");
        return persistence::ledger_usage(c, scope, runtime::to_unix_ms(*from),
                                         runtime::to_unix_ms(*to));
      });
}

}  // namespace askpro::actors::api
