#include "actors/booking/wall_clock_text.hpp"
#include "actors/call/session_internal.hpp"
#include "actors/call/speech.hpp"
#include "actors/tenant/phone.hpp"

namespace askpro::actors::call {

date::year_month_day local_today(const session_state& st) {
  auto local = st.zone->to_local(st.args.clock->now());
  return date::year_month_day{date::floor<date::days>(local)};
}

time_point local_instant(const session_state& st, date::year_month_day day, int minute) {
  auto local = date::local_days{day} + std::chrono::minutes{minute};
  return st.zone->to_sys(local, date::choose::earliest);
}

local_when local_of(const session_state& st, time_point t) {
  auto local = st.zone->to_local(date::floor<std::chrono::minutes>(t));
  auto day = date::floor<date::days>(local);
  auto minute = std::chrono::duration_cast<std::chrono::minutes>(local - day).count();
  return {date::year_month_day{day}, static_cast<int>(minute)};
}

std::string iso(const session_state& st, time_point t) {
  return booking::format_iso_local(*st.zone, t);
}

std::string iso_ms(const session_state& st, int64_t ms) {
  return iso(st, time_point{std::chrono::milliseconds{ms}});
}

Result<time_point> requested_start(const session_state& st, const std::optional<std::string>& day,
                                   const std::optional<std::string>& time) {
  if (!day) return make_error(errc::invalid_argument, "unparseable_date");
  auto today = local_today(st);
  auto when = parse_spoken_when(*day, today);
  if (!when) return std::move(when.error());
  std::optional<int> minute = when->minute_of_day;
  if (time) {
    auto t = parse_spoken_time(*time);
    if (!t) return std::move(t.error());
    minute = *t;
  }
  if (!minute) return make_error(errc::invalid_argument, "unparseable_time");
  return local_instant(st, when->date, *minute);
}

std::optional<std::string> caller_phone(const session_state& st) {
  if (tenant::is_suppressed_caller(st.args.caller)) return std::nullopt;
  return st.args.caller;
}

std::optional<std::string> caller_e164(const session_state& st) {
  auto phone = caller_phone(st);
  if (!phone) return std::nullopt;
  auto e164 = tenant::to_e164(*phone, st.args.model->country);
  if (!e164) return std::nullopt;
  return *e164;
}

persistence::tenant_scope scope_of(const session_state& st) {
  return persistence::tenant_scope{st.args.model->company_id};
}

caf::actor booking_actor(const session_state& st) {
  return st.args.registry->actor_at(runtime::tree_registry::join(st.args.tenant_path, "booking"));
}

std::string service_name(const session_state& st, const std::string& slug) {
  for (const auto& s : st.args.model->services)
    if (s.slug == slug) return s.name;
  return slug;
}

nlohmann::json slots_json(const session_state& st, const std::vector<booking::slot>& slots) {
  auto out = nlohmann::json::array();
  for (const auto& s : slots)
    out.push_back(
        {{"start", iso(st, s.start_utc)}, {"end", iso(st, s.end_utc)}, {"staff", s.staff}});
  return out;
}

std::vector<local_when> slot_times(const session_state& st, const std::vector<booking::slot>& s) {
  std::vector<local_when> out;
  for (const auto& x : s) out.push_back(local_of(st, x.start_utc));
  return out;
}

}  // namespace askpro::actors::call
