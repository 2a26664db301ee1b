#include "net/api/appointment_json.hpp"

#include "actors/api/api_time.hpp"

namespace askpro::net::api {
namespace {

using nlohmann::json;

json iso_ms(const std::string& zone, int64_t ms) {
  return actors::api::iso_in_zone(zone, actors::booking::time_point{std::chrono::milliseconds{ms}});
}

template <class T>
json or_null(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

}  // namespace

json appointment_json(const actors::api::appointment_view& v) {
  const auto& r = v.record;
  return {{"id", r.id},
          {"start", iso_ms(v.time_zone, r.start_at)},
          {"end", iso_ms(v.time_zone, r.end_at)},
          {"status", r.status},
          {"branch", v.branch},
          {"service", v.service},
          {"staff", v.staff},
          {"customer_id", or_null(r.customer_id)},
          {"source", r.source},
          {"call_id", or_null(r.call_id)},
          {"notes", r.notes},
          {"rescheduled_from", or_null(r.rescheduled_from)},
          {"created_at", iso_ms(v.time_zone, r.created_at)},
          {"updated_at", iso_ms(v.time_zone, r.updated_at)}};
}

actors::api::appointment_view view_of(const actors::calendar::appointment_info& info,
                                      const std::string& zone) {
  return {info.record, info.branch, info.service, info.staff, zone};
}

json slots_json(const std::vector<actors::booking::slot>& slots, const std::string& zone) {
  json out = json::array();
  for (const auto& s : slots)
    out.push_back({{"start", actors::api::iso_in_zone(zone, s.start_utc)},
                   {"end", actors::api::iso_in_zone(zone, s.end_utc)},
                   {"staff", s.staff}});
  return out;
}

}  // namespace askpro::net::api
