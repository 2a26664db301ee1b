#include "actors/booking/hours.hpp"
#include "actors/tenant/phone.hpp"
#include "actors/tenant/tenant_file_internal.hpp"

#include <nlohmann/json.hpp>

#include <map>

namespace askpro::actors::tenant::detail {
namespace {

using booking::minutes;

/// A time zone name member that the tz database knows.
std::optional<std::string> zone(json_reader& r, const json& obj, const std::string& path,
                                bool required) {
  auto name = r.text(obj, path, "timezone", required);
  if (name && booking::find_zone(*name) == nullptr) {
    r.fail(child_path(path, "timezone"), "unknown time zone \"" + *name + "\"");
    return std::nullopt;
  }
  return name;
}

/// A string member that must be one of `choices`.
std::optional<std::string> choice(json_reader& r, const json& obj, const std::string& path,
                                  std::string_view key, bool required,
                                  std::initializer_list<std::string_view> choices) {
  auto value = r.text(obj, path, key, required);
  if (!value) return std::nullopt;
  for (auto c : choices)
    if (*value == c) return value;
  std::string list;
  for (auto c : choices) list += (list.empty() ? "" : ", ") + std::string{c};
  r.fail(child_path(path, key), "must be one of " + list);
  return std::nullopt;
}

booking::booking_rules parse_booking(json_reader& r, const json& v, const std::string& path) {
  booking::booking_rules rules;
  if (!r.object(v, path, {"slot_step_min", "min_notice_min", "horizon_days", "reservation_ttl_s"}))
    return rules;
  if (auto n = r.integer(v, path, "slot_step_min", false, 5, 240)) rules.slot_step = minutes{*n};
  if (auto n = r.integer(v, path, "min_notice_min", false, 0, 43200))
    rules.min_notice = minutes{*n};
  if (auto n = r.integer(v, path, "horizon_days", false, 1, 730))
    rules.horizon_days = static_cast<int>(*n);
  if (auto n = r.integer(v, path, "reservation_ttl_s", false, 30, 3600))
    rules.reservation_ttl = std::chrono::seconds{*n};
  return rules;
}

billing_settings parse_billing(json_reader& r, const json& v, const std::string& path) {
  billing_settings out;
  if (!r.object(v, path, {"price_per_minute_cents", "rounding", "low_balance_cents"})) return out;
  if (auto n = r.integer(v, path, "price_per_minute_cents", false, 0, 100000))
    out.price_per_minute_cents = *n;
  if (auto s = choice(r, v, path, "rounding", false, {"minute", "second"})) out.rounding = *s;
  if (auto n = r.integer(v, path, "low_balance_cents", false, 0, 1000000000))
    out.low_balance_cents = *n;
  return out;
}

company parse_company(json_reader& r, const json& root) {
  company c;
  const std::string top;
  c.slug = r.slug(root, top).value_or("");
  c.name = r.text(root, top, "name", true).value_or("");
  c.time_zone = zone(r, root, top, true).value_or("");
  c.locale = choice(r, root, top, "locale", true, {"de", "en"}).value_or("");
  c.country = r.text(root, top, "country", true).value_or("");
  if (!c.country.empty() && !known_region(c.country))
    r.fail("country", "unknown country \"" + c.country + "\" (want ISO 3166 alpha-2, e.g. DE)");
  c.retell_api_key = r.text(root, top, "retell_api_key", false).value_or("");
  if (const json* b = r.member(root, top, "booking", false))
    c.booking = parse_booking(r, *b, "booking");
  if (const json* b = r.member(root, top, "billing", false))
    c.billing = parse_billing(r, *b, "billing");
  if (const json* n = r.member(root, top, "notifications", false))
    c.notifications = parse_notifications(r, *n, "notifications");
  if (const json* k = r.member(root, top, "retention", false))
    if (r.object(*k, "retention", {"transcript_days"}))
      if (auto days = r.integer(*k, "retention", "transcript_days", false, 1, 3650))
        c.transcript_days = static_cast<int>(*days);
  return c;
}

calendar_settings parse_calendar(json_reader& r, const json& v, const std::string& path) {
  calendar_settings cal;
  if (!r.object(v, path, {"provider", "api_key", "webhook_secret", "base_url"})) return cal;
  cal.provider = choice(r, v, path, "provider", true, {"internal", "calcom"}).value_or("internal");
  const bool calcom = cal.provider == "calcom";
  cal.api_key = r.text(v, path, "api_key", calcom).value_or("");
  cal.webhook_secret = r.text(v, path, "webhook_secret", false).value_or("");
  cal.base_url = r.text(v, path, "base_url", false).value_or("");
  if (!calcom) {
    for (const char* key : {"api_key", "webhook_secret", "base_url"})
      if (v.contains(key)) r.fail(child_path(path, key), "only for provider \"calcom\"");
  }
  return cal;
}

/// Phone numbers in E.164; a number used twice in the file is refused.
std::vector<std::string> parse_numbers(json_reader& r, const json& v, const std::string& path,
                                       const std::string& region,
                                       std::map<std::string, std::string>& seen) {
  std::vector<std::string> out;
  const std::string at = child_path(path, "phone_numbers");
  auto raw = r.strings(v, path, "phone_numbers");
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i].empty()) continue;
    auto e164 = e164_number(r, raw[i], region, index_path(at, i));
    if (!e164) continue;
    auto [it, fresh] = seen.emplace(*e164, index_path(at, i));
    if (!fresh) r.fail(index_path(at, i), "same number as " + it->second);
    out.push_back(*e164);
  }
  return out;
}

branch parse_branch(json_reader& r, const json& v, const std::string& path, const company& c,
                    std::map<std::string, std::string>& seen_numbers) {
  branch b;
  if (!r.object(v, path,
                {"slug", "name", "timezone", "phone_numbers", "hours", "closed", "special_hours",
                 "calendar", "notify"}))
    return b;
  b.slug = r.slug(v, path).value_or("");
  b.name = r.text(v, path, "name", true).value_or("");
  b.hours.time_zone = zone(r, v, path, false).value_or(c.time_zone);
  const std::string region = known_region(c.country) ? c.country : "ZZ";
  b.phone_numbers = parse_numbers(r, v, path, region, seen_numbers);
  if (const json* h = r.member(v, path, "hours", true))
    b.hours.week = parse_week(r, *h, child_path(path, "hours"));
  if (const json* d = r.member(v, path, "closed", false))
    b.hours.closed = parse_dates(r, *d, child_path(path, "closed"));
  if (const json* s = r.member(v, path, "special_hours", false))
    b.hours.special = parse_special(r, *s, child_path(path, "special_hours"));
  if (const json* cal = r.member(v, path, "calendar", false))
    b.calendar = parse_calendar(r, *cal, child_path(path, "calendar"));
  if (const json* n = r.member(v, path, "notify", false))
    b.notify = parse_branch_notify(r, *n, child_path(path, "notify"), region);
  return b;
}

/// Calls `each(element, path)` for every element of the top-level array `key`.
template <class Each>
void each_element(json_reader& r, const json& root, std::string_view key, Each each) {
  const json* list = r.array(root, "", key, true);
  if (list == nullptr) return;
  for (std::size_t i = 0; i < list->size(); ++i) each((*list)[i], index_path(std::string{key}, i));
}

}  // namespace

std::optional<std::string> e164_number(json_reader& r, const std::string& raw,
                                       const std::string& region, const std::string& path) {
  auto e164 = to_e164(raw, region);
  if (e164) return std::move(*e164);
  r.fail(path, region == "ZZ" ? "not a valid international phone number"
                              : "not a valid phone number for region " + region);
  return std::nullopt;
}

tenant_document parse_document(json_reader& r, const json& root) {
  tenant_document doc;
  if (!r.object(root, "",
                {"slug", "name", "timezone", "locale", "country", "retell_api_key", "booking",
                 "billing", "notifications", "retention", "branches", "services", "staff"}))
    return doc;
  doc.tenant = parse_company(r, root);
  std::map<std::string, std::string> seen_numbers;
  each_element(r, root, "branches", [&](const json& v, const std::string& path) {
    doc.branches.push_back(parse_branch(r, v, path, doc.tenant, seen_numbers));
  });
  each_element(r, root, "services", [&](const json& v, const std::string& path) {
    doc.services.push_back(parse_service(r, v, path));
  });
  each_element(r, root, "staff", [&](const json& v, const std::string& path) {
    doc.staff.push_back(parse_staff(r, v, path));
  });
  return doc;
}

}  // namespace askpro::actors::tenant::detail
