#include "actors/tenant/catalog_model.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

namespace askpro::actors::tenant {
namespace {

using booking::day_hours;
using booking::interval;
using booking::minutes;

Result<date::local_days> parse_day(const std::string& text) {
  int y = 0;
  unsigned m = 0, d = 0;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return make_error(errc::invalid_argument, "bad date in catalog");
  date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
  if (!ymd.ok()) return make_error(errc::invalid_argument, "bad date in catalog");
  return date::local_days{ymd};
}

void sort_days(booking::weekly_hours& week) {
  for (auto& day : week.days)
    std::sort(day.begin(), day.end(),
              [](const interval& a, const interval& b) { return a.start_min < b.start_min; });
}

booking::weekly_hours to_week(const std::vector<persistence::weekly_interval>& rows) {
  booking::weekly_hours week;
  for (const auto& r : rows)
    if (r.weekday >= 0 && r.weekday < 7)
      week.days[static_cast<std::size_t>(r.weekday)].push_back({r.start_min, r.end_min});
  sort_days(week);
  return week;
}

Result<booking::branch_hours> to_hours(const persistence::branch_record& b,
                                       const std::string& company_zone) {
  booking::branch_hours h;
  h.time_zone = b.time_zone.empty() ? company_zone : b.time_zone;
  h.week = to_week(b.hours);
  for (const auto& c : b.closed) {
    auto d = parse_day(c);
    if (!d) return std::move(d.error());
    h.closed.insert(*d);
  }
  for (const auto& s : b.special) {
    auto d = parse_day(s.day);
    if (!d) return std::move(d.error());
    day_hours day;
    for (const auto& [from, to] : s.intervals) day.push_back({from, to});
    std::sort(day.begin(), day.end(),
              [](const interval& a, const interval& x) { return a.start_min < x.start_min; });
    h.special[*d] = std::move(day);
  }
  return h;
}

booking::service to_service(const persistence::service_record& s) {
  booking::service out;
  out.slug = s.slug;
  out.name = s.name;
  out.synonyms = s.synonyms;
  out.duration = minutes{s.duration_min};
  out.buffer_before = minutes{s.buffer_before_min};
  out.buffer_after = minutes{s.buffer_after_min};
  out.price_cents = s.price_cents;
  out.calcom_event_type_id = s.calcom_event_type_id;
  return out;
}

booking::staff_member to_staff(const persistence::staff_record& s, const std::string& branch,
                               const std::map<std::string, int64_t>& active_services) {
  booking::staff_member out;
  out.slug = s.slug;
  out.name = s.name;
  out.branch = branch;
  for (const auto& svc : s.service_slugs)
    if (active_services.count(svc)) out.services.push_back(svc);
  if (s.own_hours) out.hours = to_week(s.hours);
  out.calcom_user = s.calcom_user;
  return out;
}

booking::booking_rules to_rules(const persistence::company_record& c) {
  booking::booking_rules r;
  r.slot_step = minutes{c.slot_step_min};
  r.min_notice = minutes{c.min_notice_min};
  r.horizon_days = c.horizon_days;
  r.reservation_ttl = std::chrono::seconds{c.reservation_ttl_s};
  return r;
}

/// The stored provider settings (JSON text written by provisioning). Errors:
/// errc::invalid_argument for a corrupt row or a Cal.com branch without an API key.
Result<calendar_connection> to_calendar(const persistence::branch_record& b) {
  calendar_connection out;
  out.provider = b.calendar_provider.empty() ? "internal" : b.calendar_provider;
  if (!out.calcom()) return out;
  auto j = nlohmann::json::parse(b.calendar_config, nullptr, false);
  if (!j.is_object())
    return make_error(errc::invalid_argument, "calendar settings of " + b.slug + " unreadable");
  auto text = [&j](const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string{};
  };
  out.api_key = text("api_key");
  out.webhook_secret = text("webhook_secret");
  out.base_url = text("base_url");
  if (out.api_key.empty())
    return make_error(errc::invalid_argument, "Cal.com branch " + b.slug + " has no api_key");
  return out;
}

Result<branch_model> to_branch(const persistence::branch_record& b,
                               const persistence::tenant_catalog& catalog,
                               const std::map<std::string, int64_t>& active_services) {
  branch_model out;
  out.id = b.id;
  out.slug = b.slug;
  out.name = b.name;
  out.calendar_provider = b.calendar_provider;
  auto calendar = to_calendar(b);
  if (!calendar) return std::move(calendar.error());
  out.calendar = std::move(*calendar);
  auto where = notify::branch_notify_from_json(b.notify);
  if (!where)
    return make_error(errc::invalid_argument, "notify settings of " + b.slug + " unreadable");
  out.notify = std::move(*where);
  auto hours = to_hours(b, catalog.company.time_zone);
  if (!hours) return std::move(hours.error());
  out.hours = std::move(*hours);
  for (const auto& s : catalog.staff) {
    if (!s.active || s.branch_id != b.id) continue;
    out.staff.push_back(to_staff(s, b.slug, active_services));
    out.staff_ids[s.slug] = s.id;
    out.staff_slugs[s.id] = s.slug;
  }
  return out;
}

}  // namespace

const branch_model* tenant_model::branch(const std::string& s) const {
  for (const auto& b : branches)
    if (b.slug == s) return &b;
  return nullptr;
}

const branch_model* tenant_model::branch(int64_t id) const {
  for (const auto& b : branches)
    if (b.id == id) return &b;
  return nullptr;
}

Result<tenant_model> make_tenant_model(const persistence::tenant_catalog& catalog) {
  tenant_model m;
  const auto& c = catalog.company;
  m.company_id = c.id;
  m.slug = c.slug;
  m.name = c.name;
  m.time_zone = c.time_zone;
  m.country = c.country;
  m.locale = c.locale;
  m.rules = to_rules(c);
  auto notifications = notify::notification_settings_from_json(c.notifications);
  if (!notifications) return std::move(notifications.error());
  m.notifications = std::move(*notifications);
  for (const auto& s : catalog.services) {
    if (!s.active) continue;
    m.services.push_back(to_service(s));
    m.service_ids[s.slug] = s.id;
    m.service_slugs[s.id] = s.slug;
  }
  for (const auto& b : catalog.branches) {
    if (!b.active) continue;
    auto branch = to_branch(b, catalog, m.service_ids);
    if (!branch) return std::move(branch.error());
    m.branches.push_back(std::move(*branch));
  }
  return m;
}

}  // namespace askpro::actors::tenant
