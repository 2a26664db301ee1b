#include "actors/booking/wall_clock_text.hpp"
#include "actors/call/spoken.hpp"
#include "actors/call/voice_internal.hpp"
#include "actors/tenant/phone.hpp"
#include "persistence/db_client.hpp"
#include "persistence/repo/customer_repo.hpp"

#include <date/tz.h>

#include <caf/all.hpp>

namespace askpro::actors::call {
namespace {

/// "Mittwoch, 25. November 2026".
std::string german_date(date::year_month_day d) {
  auto wd = date::weekday{date::sys_days{d}}.iso_encoding() - 1;
  return std::string{weekday_name("de", wd)} + ", " + std::to_string(unsigned(d.day())) + ". " +
         month_name("de", unsigned(d.month()) - 1) + " " + std::to_string(int(d.year()));
}

/// The known customer's name for the caller, "" when unknown, suppressed or nameless.
Result<std::string> customer_name(const voice_deps& deps, const tenant_route& route,
                                  const tenant::tenant_model& model,
                                  const std::optional<std::string>& from) {
  if (tenant::is_suppressed_caller(from)) return std::string{};
  auto e164 = tenant::to_e164(*from, model.country);
  if (!e164) return std::string{};
  auto scope = route.route.scope;
  auto number = *e164;
  return persistence::run_blocking<std::string>(
      *deps.sys, deps.registry->actor_at("/db"), persistence::access::read, deps.timeout,
      [scope, number](persistence::connection& c) -> Result<std::string> {
        auto found = persistence::find_customer_by_phone(c, scope, number);
        if (!found) return std::move(found.error());
        return *found ? (*found)->name : std::string{};
      });
}

std::string zone_name(const tenant::tenant_model& m, const std::string& branch) {
  const auto* b = m.branch(branch);
  return b && !b->hours.time_zone.empty() ? b->hours.time_zone : m.time_zone;
}

}  // namespace

Result<std::map<std::string, std::string>> inbound_variables(
    const voice_deps& deps, const tenant_route& route,
    const std::optional<std::string>& from_number) {
  auto handle = tenant_of(deps, route);
  if (!handle) return std::move(handle.error());
  const auto& m = *handle->model;
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(zone_name(m, route.route.branch_slug));
  } catch (const std::exception&) {
    return make_error(errc::internal, "unknown time zone");
  }
  auto local = zone->to_local(date::floor<std::chrono::minutes>(deps.clock->now()));
  auto day = date::floor<date::days>(local);
  auto minute = std::chrono::duration_cast<std::chrono::minutes>(local - day).count();
  date::year_month_day today{day}, tomorrow{day + date::days{1}};
  const auto* branch = m.branch(route.route.branch_slug);
  std::map<std::string, std::string> vars{
      {"tenant", m.name},
      {"branch", branch ? branch->name : route.route.branch_slug},
      {"today", booking::format_iso_date(day)},
      {"today_de", german_date(today)},
      {"weekday", weekday_name("de", date::weekday{day}.iso_encoding() - 1)},
      {"time", booking::format_hhmm(static_cast<int>(minute))},
      {"tomorrow", booking::format_iso_date(day + date::days{1})},
      {"tomorrow_de", german_date(tomorrow)},
      {"timezone", zone->name()}};
  auto name = customer_name(deps, route, m, from_number);
  if (!name) return std::move(name.error());
  if (!name->empty()) vars["customer_name"] = *name;
  return vars;
}

}  // namespace askpro::actors::call
