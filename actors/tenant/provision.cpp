#include "actors/tenant/provision.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace askpro::actors::tenant {
namespace {

std::string iso_date(date::local_days day) {
  const date::year_month_day ymd{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

std::vector<persistence::weekly_interval> week_rows(const booking::weekly_hours& week) {
  std::vector<persistence::weekly_interval> out;
  for (int day = 0; day < 7; ++day)
    for (const auto& iv : week.days[static_cast<std::size_t>(day)])
      out.push_back({day, iv.start_min, iv.end_min});
  return out;
}

/// Provider credentials as JSON text; keys sorted, so equal settings give equal text.
std::string calendar_config(const calendar_settings& cal) {
  if (cal.provider == "internal") return "{}";
  nlohmann::json config = nlohmann::json::object();
  if (!cal.api_key.empty()) config["api_key"] = cal.api_key;
  if (!cal.webhook_secret.empty()) config["webhook_secret"] = cal.webhook_secret;
  if (!cal.base_url.empty()) config["base_url"] = cal.base_url;
  return config.dump();
}

persistence::company_record company_row(const company& c) {
  persistence::company_record out;
  out.slug = c.slug;
  out.name = c.name;
  out.time_zone = c.time_zone;
  out.locale = c.locale;
  out.country = c.country;
  out.retell_api_key = c.retell_api_key;
  out.slot_step_min = static_cast<int>(c.booking.slot_step.count());
  out.min_notice_min = static_cast<int>(c.booking.min_notice.count());
  out.horizon_days = c.booking.horizon_days;
  out.reservation_ttl_s = static_cast<int>(c.booking.reservation_ttl.count());
  out.price_per_minute_cents = c.billing.price_per_minute_cents;
  out.billing_rounding = c.billing.rounding;
  out.low_balance_cents = c.billing.low_balance_cents;
  out.notifications = notify::to_json_text(c.notifications);
  out.transcript_days = c.transcript_days;
  return out;
}

persistence::branch_record branch_row(const branch& b) {
  persistence::branch_record out;
  out.slug = b.slug;
  out.name = b.name;
  out.time_zone = b.hours.time_zone;
  out.calendar_provider = b.calendar.provider;
  out.calendar_config = calendar_config(b.calendar);
  out.notify = notify::to_json_text(b.notify);
  out.hours = week_rows(b.hours.week);
  for (const auto& day : b.hours.closed) out.closed.push_back(iso_date(day));
  for (const auto& [day, hours] : b.hours.special) {
    persistence::special_day special{iso_date(day), {}};
    for (const auto& iv : hours) special.intervals.emplace_back(iv.start_min, iv.end_min);
    out.special.push_back(std::move(special));
  }
  out.phone_numbers = b.phone_numbers;
  return out;
}

persistence::service_record service_row(const booking::service& s) {
  persistence::service_record out;
  out.slug = s.slug;
  out.name = s.name;
  out.synonyms = s.synonyms;
  out.duration_min = static_cast<int>(s.duration.count());
  out.buffer_before_min = static_cast<int>(s.buffer_before.count());
  out.buffer_after_min = static_cast<int>(s.buffer_after.count());
  out.price_cents = s.price_cents;
  out.calcom_event_type_id = s.calcom_event_type_id;
  return out;
}

persistence::staff_record staff_row(const booking::staff_member& s) {
  persistence::staff_record out;
  out.slug = s.slug;
  out.name = s.name;
  out.branch_slug = s.branch;
  out.calcom_user = s.calcom_user;
  out.own_hours = s.hours.has_value();
  if (s.hours) out.hours = week_rows(*s.hours);
  out.service_slugs = s.services;
  return out;
}

}  // namespace

persistence::tenant_catalog to_catalog(const tenant_document& doc) {
  persistence::tenant_catalog out;
  out.company = company_row(doc.tenant);
  for (const auto& b : doc.branches) out.branches.push_back(branch_row(b));
  for (const auto& s : doc.services) out.services.push_back(service_row(s));
  for (const auto& s : doc.staff) out.staff.push_back(staff_row(s));
  return out;
}

}  // namespace askpro::actors::tenant
