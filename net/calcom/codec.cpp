#include "net/calcom/codec.hpp"

#include "actors/api/api_time.hpp"
#include "runtime/clock.hpp"

#include <date/date.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace askpro::net::calcom {
namespace {

using nlohmann::json;

std::optional<json> parse_json(std::string_view body) {
  auto j = json::parse(body.begin(), body.end(), nullptr, false);
  if (j.is_discarded()) return std::nullopt;
  return j;
}

std::optional<int64_t> instant_ms(const json& v) {
  if (!v.is_string()) return std::nullopt;
  auto t = actors::api::parse_iso_instant(v.get<std::string>());
  if (!t) return std::nullopt;
  return runtime::to_unix_ms(*t);
}

std::string text_of(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

std::optional<int64_t> integer_of(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<int64_t>();
}

std::map<std::string, std::string> metadata_of(const json& obj) {
  std::map<std::string, std::string> out;
  auto it = obj.find("metadata");
  if (it == obj.end() || !it->is_object()) return out;
  for (const auto& [k, v] : it->items())
    if (v.is_string()) out.emplace(k, v.get<std::string>());
  return out;
}

caf::error broken(const std::string& what) {
  return make_error(errc::unavailable, "Cal.com answer unreadable: " + what);
}

/// `data` of a success envelope, or nullopt.
std::optional<json> success_data(std::string_view body) {
  auto j = parse_json(body);
  if (!j || !j->is_object() || text_of(*j, "status") != "success" || !j->contains("data"))
    return std::nullopt;
  return (*j)["data"];
}

Result<booking_data> booking_of(const json& d) {
  if (!d.is_object()) return broken("booking is not an object");
  booking_data out;
  out.id = integer_of(d, "id").value_or(0);
  out.uid = text_of(d, "uid");
  out.status = text_of(d, "status");
  auto start = d.contains("start") ? instant_ms(d["start"]) : std::nullopt;
  auto end = d.contains("end") ? instant_ms(d["end"]) : std::nullopt;
  if (out.uid.empty() || !start || !end) return broken("booking without uid, start or end");
  out.start_ms = *start;
  out.end_ms = *end;
  out.event_type_id = integer_of(d, "eventTypeId");
  out.metadata = metadata_of(d);
  return out;
}

void read_attendee(const json& payload, webhook_event& ev) {
  auto it = payload.find("attendees");
  if (it == payload.end() || !it->is_array() || it->empty() || !(*it)[0].is_object()) return;
  const auto& a = (*it)[0];
  ev.attendee_name = text_of(a, "name");
  ev.attendee_email = text_of(a, "email");
  ev.attendee_phone = text_of(a, "phoneNumber");
  if (auto ns = a.find("noShow"); ns != a.end() && ns->is_boolean()) ev.no_show = ns->get<bool>();
}

caf::error bad(const std::string& field, const std::string& why) {
  return make_error(errc::invalid_argument, field + ": " + why);
}

}  // namespace

Result<webhook_event> parse_webhook(std::string_view body) {
  auto j = parse_json(body);
  if (!j || !j->is_object()) return bad("body", "not a JSON object");
  webhook_event ev;
  ev.trigger = text_of(*j, "triggerEvent");
  if (ev.trigger.empty()) return bad("triggerEvent", "missing");
  if (ev.trigger == "PING") return ev;
  auto p = j->find("payload");
  if (p == j->end() || !p->is_object()) return bad("payload", "missing");
  ev.uid = text_of(*p, "uid");
  ev.reschedule_uid = text_of(*p, "rescheduleUid");
  ev.event_type_id = integer_of(*p, "eventTypeId");
  ev.status = text_of(*p, "status");
  ev.metadata = metadata_of(*p);
  read_attendee(*p, ev);
  if (auto ns = p->find("noShowHost"); !ev.no_show && ns != p->end() && ns->is_boolean())
    ev.no_show = ns->get<bool>();
  if (ev.trigger.rfind("BOOKING_", 0) != 0) return ev;
  if (ev.uid.empty()) return bad("payload.uid", "missing");
  auto start = p->contains("startTime") ? instant_ms((*p)["startTime"]) : std::nullopt;
  auto end = p->contains("endTime") ? instant_ms((*p)["endTime"]) : std::nullopt;
  if (ev.trigger != "BOOKING_NO_SHOW_UPDATED" && (!start || !end))
    return bad("payload.startTime", "missing or not ISO 8601");
  ev.start_ms = start.value_or(0);
  ev.end_ms = end.value_or(0);
  return ev;
}

Result<std::vector<int64_t>> parse_slots(std::string_view body) {
  auto data = success_data(body);
  if (!data || !data->is_object()) return broken("no success envelope");
  const bool old_shape = data->contains("slots") && (*data)["slots"].is_object();
  const json& days = old_shape ? (*data)["slots"] : *data;
  const char* field = old_shape ? "time" : "start";
  std::vector<int64_t> out;
  for (const auto& [day, list] : days.items()) {
    if (!list.is_array()) return broken("slots of " + day + " are not a list");
    for (const auto& s : list) {
      auto t = s.is_object() && s.contains(field) ? instant_ms(s[field]) : std::nullopt;
      if (!t) return broken("a slot without a readable " + std::string{field});
      out.push_back(*t);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Result<booking_data> parse_booking(std::string_view body) {
  auto data = success_data(body);
  if (!data) return broken("no success envelope");
  return booking_of(*data);
}

Result<std::vector<booking_data>> parse_bookings(std::string_view body) {
  auto data = success_data(body);
  if (!data || !data->is_array()) return broken("no list of bookings");
  std::vector<booking_data> out;
  for (const auto& d : *data) {
    auto b = booking_of(d);
    if (!b) return std::move(b.error());
    out.push_back(std::move(*b));
  }
  return out;
}

std::string iso_utc(int64_t ms) {
  date::sys_time<std::chrono::milliseconds> t{std::chrono::milliseconds{ms}};
  return date::format("%FT%TZ", t);
}

std::string placeholder_email(std::string_view e164) {
  std::string digits;
  for (char c : e164)
    if (std::isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
  return "phone-" + (digits.empty() ? std::string{"unknown"} : digits) + "@phone.invalid";
}

std::string booking_body(const booking_input& in) {
  json attendee{{"name", in.name.empty() ? std::string{"Caller"} : in.name},
                {"timeZone", in.time_zone},
                {"email", in.email.empty() ? placeholder_email(in.phone) : in.email}};
  if (!in.phone.empty()) attendee["phoneNumber"] = in.phone;
  if (!in.language.empty()) attendee["language"] = in.language;
  json body{{"start", iso_utc(in.start_ms)},
            {"eventTypeId", in.event_type_id},
            {"attendee", attendee},
            {"metadata", in.metadata}};
  if (in.length_min > 0) body["lengthInMinutes"] = in.length_min;
  return body.dump();
}

std::string reschedule_body(int64_t start_ms, std::string_view reason) {
  return json{{"start", iso_utc(start_ms)}, {"reschedulingReason", std::string{reason}}}.dump();
}

std::string cancel_body(std::string_view reason) {
  return json{{"cancellationReason", std::string{reason}}}.dump();
}

std::string error_message(std::string_view body) {
  auto j = parse_json(body);
  if (!j || !j->is_object()) return {};
  auto e = j->find("error");
  if (e == j->end() || !e->is_object()) return text_of(*j, "message");
  return text_of(*e, "message");
}

failure classify(int status, std::string_view body) {
  if (status == 401 || status == 403) return failure::configuration;
  if (status == 429) return failure::rate_limited;
  if (status >= 500 || status < 400) return failure::transient;
  std::string message = error_message(body);
  for (auto& c : message) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (status == 400 && (message.find("already has booking") != std::string::npos ||
                        message.find("not available") != std::string::npos))
    return failure::slot_taken;
  return failure::bad_request;
}

}  // namespace askpro::net::calcom
