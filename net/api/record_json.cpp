#include "net/api/record_json.hpp"

#include <date/date.h>

#include <charconv>
#include <chrono>
#include <sstream>

namespace askpro::net::api {
namespace {

using nlohmann::json;

template <class T>
json opt(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

json opt_time(const std::optional<int64_t>& ms) {
  return ms ? json(iso_utc(*ms)) : json(nullptr);
}

/// Stored JSON text as JSON; other text as a string; absent as null.
json embedded(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  auto doc = json::parse(*text, nullptr, false);
  return doc.is_discarded() ? json(*text) : doc;
}

std::optional<int64_t> parse_with(std::string_view text, const char* format) {
  std::istringstream in{std::string{text}};
  date::sys_time<std::chrono::milliseconds> t;
  in >> date::parse(format, t);
  if (in.fail() || in.peek() != std::char_traits<char>::eof()) return std::nullopt;
  return t.time_since_epoch().count();
}

}  // namespace

std::string iso_utc(int64_t unix_ms) {
  date::sys_seconds t{std::chrono::seconds{unix_ms / 1000 - (unix_ms % 1000 < 0 ? 1 : 0)}};
  return date::format("%FT%TZ", t);
}

std::optional<int64_t> parse_instant(std::string_view text) {
  if (text.size() == 10) return parse_with(text, "%F");
  if (!text.empty() && (text.back() == 'Z' || text.back() == 'z')) {
    text.remove_suffix(1);
    return parse_with(text, "%FT%T");
  }
  return parse_with(text, "%FT%T%Ez");
}

std::optional<int64_t> parse_id(std::string_view text) {
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || id <= 0)
    return std::nullopt;
  return id;
}

json customer_json(const persistence::customer_record& c) {
  return {{"id", c.id},
          {"phone", opt(c.phone_e164)},
          {"name", c.name},
          {"email", c.email},
          {"notes", c.notes},
          {"consent_sms", c.consent_sms},
          {"consent_whatsapp", c.consent_whatsapp},
          {"consent_email", c.consent_email},
          {"created_at", iso_utc(c.created_at)},
          {"updated_at", iso_utc(c.updated_at)}};
}

json call_summary_json(const persistence::call_record& c) {
  return {{"id", c.id},
          {"call_id", c.retell_call_id},
          {"branch_id", opt(c.branch_id)},
          {"direction", c.direction},
          {"status", c.status},
          {"from_number", opt(c.from_number)},
          {"to_number", opt(c.to_number)},
          {"customer_id", opt(c.customer_id)},
          {"started_at", opt_time(c.started_at)},
          {"ended_at", opt_time(c.ended_at)},
          {"duration_ms", opt(c.duration_ms)},
          {"disconnection_reason", opt(c.disconnection_reason)},
          {"summary", opt(c.summary)},
          {"sentiment", opt(c.sentiment)},
          {"successful", opt(c.successful)},
          {"cost_cents", opt(c.cost_cents)},
          {"created_at", iso_utc(c.created_at)}};
}

json call_detail_json(const persistence::call_record& c) {
  auto out = call_summary_json(c);
  out["transcript"] = opt(c.transcript);
  out["transcript_object"] = embedded(c.transcript_object);
  out["analysis"] = embedded(c.analysis);
  return out;
}

}  // namespace askpro::net::api
