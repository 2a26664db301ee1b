#include "actors/api/api_customers.hpp"

#include "actors/api/api_booking.hpp"
#include "actors/tenant/phone.hpp"
#include "persistence/db_client.hpp"
#include "persistence/repo/catalog_repo.hpp"

#include <caf/allowed_unsafe_message_type.hpp>

#include <algorithm>
#include <cctype>

// Pages travel as db_task replies (local messages only).
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::vector<askpro::persistence::customer_record>)

namespace askpro::actors::api {
namespace {

using persistence::connection;
using persistence::customer_record;
using found_t = std::optional<customer_record>;

constexpr std::size_t max_name = 200;
constexpr std::size_t max_email = 254;
constexpr std::size_t max_notes = 4000;

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

bool email_shaped(const std::string& s) {
  auto at = s.find('@');
  if (at == 0 || at == std::string::npos || s.find('@', at + 1) != std::string::npos) return false;
  auto dot = s.rfind('.');
  if (dot == std::string::npos || dot < at + 2 || dot + 1 >= s.size()) return false;
  return std::none_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

/// The filter of `q` for the repository, with the phone number in E.164 for the tenant's
/// country. Errors: errc::invalid_argument for a number that is not valid there.
Result<persistence::customer_filter> filter_of(connection& c, const principal& who,
                                               const customer_query& q) {
  persistence::customer_filter f;
  f.name_contains = q.name;
  f.after_id = q.after_id;
  f.limit = q.limit;
  if (!q.phone) return f;
  auto company = persistence::find_company(c, who.tenant_slug);
  if (!company) return std::move(company.error());
  std::string country = *company ? (*company)->country : std::string{};
  auto e164 = tenant::to_e164(*q.phone, country);
  if (!e164) return make_error(errc::invalid_argument, "not a valid phone number");
  f.phone_e164 = std::move(*e164);
  return f;
}

}  // namespace

Result<std::vector<customer_record>> list_customers(const api_deps& deps, const principal& who,
                                                    const customer_query& q) {
  return persistence::run_blocking<std::vector<customer_record>>(
      *deps.sys, deps.registry->actor_at("/db"), persistence::access::read, deps.timeout,
      [who, q](connection& c) -> Result<std::vector<customer_record>> {
        auto filter = filter_of(c, who, q);
        if (!filter) return std::move(filter.error());
        return persistence::list_customers(c, who.scope, *filter);
      });
}

Result<found_t> find_customer(const api_deps& deps, const principal& who, int64_t id) {
  auto scope = who.scope;
  return persistence::run_blocking<found_t>(
      *deps.sys, deps.registry->actor_at("/db"), persistence::access::read, deps.timeout,
      [scope, id](connection& c) { return persistence::find_customer(c, scope, id); });
}

std::vector<field_problem> check_customer_changes(const customer_changes& changes) {
  std::vector<field_problem> out;
  if (!changes.name && !changes.email && !changes.notes)
    out.push_back({"body", "give at least one of name, email, notes"});
  if (changes.name && blank(*changes.name)) out.push_back({"name", "must not be blank"});
  if (changes.name && changes.name->size() > max_name)
    out.push_back({"name", "at most 200 characters"});
  if (changes.email && !changes.email->empty() &&
      (changes.email->size() > max_email || !email_shaped(*changes.email)))
    out.push_back({"email", "not an e-mail address"});
  if (changes.notes && changes.notes->size() > max_notes)
    out.push_back({"notes", "at most 4000 characters"});
  return out;
}

Result<found_t> update_customer(const api_deps& deps, const principal& who, int64_t id,
                                const customer_changes& changes) {
  persistence::customer_patch patch;
  patch.name = changes.name;
  patch.email = changes.email;
  patch.notes = changes.notes;
  auto scope = who.scope;
  auto now = runtime::to_unix_ms(deps.clock->now());
  auto audit = audit_of(who);
  return persistence::run_blocking<found_t>(
      *deps.sys, deps.registry->actor_at("/db"), persistence::access::write, deps.timeout,
      [scope, id, patch, now, audit](connection& c) {
        return persistence::update_customer(c, scope, id, patch, now, audit);
      });
}

}  // namespace askpro::actors::api
