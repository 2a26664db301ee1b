#include "actors/tenant/tenant_file_internal.hpp"

#include <nlohmann/json.hpp>

#include <limits>

namespace askpro::actors::tenant::detail {
namespace {

using booking::minutes;

/// `calcom_user`: a Cal.com user id (positive integer) or username (string).
std::optional<std::string> calcom_user(json_reader& r, const json& v, const std::string& path) {
  const json* u = r.member(v, path, "calcom_user", false);
  if (u == nullptr) return std::nullopt;
  if (u->is_number_integer() && u->get<int64_t>() > 0) return std::to_string(u->get<int64_t>());
  if (u->is_string() && !u->get_ref<const std::string&>().empty()) return u->get<std::string>();
  r.fail(child_path(path, "calcom_user"), "expected a user id or a non-empty username");
  return std::nullopt;
}

}  // namespace

booking::service parse_service(json_reader& r, const json& v, const std::string& path) {
  booking::service s;
  if (!r.object(v, path,
                {"slug", "name", "synonyms", "duration_min", "buffer_before_min",
                 "buffer_after_min", "price_cents", "calcom_event_type_id"}))
    return s;
  s.slug = r.slug(v, path).value_or("");
  s.name = r.text(v, path, "name", true).value_or("");
  s.synonyms = r.strings(v, path, "synonyms");
  if (auto n = r.integer(v, path, "duration_min", true, 1, 1440)) s.duration = minutes{*n};
  if (auto n = r.integer(v, path, "buffer_before_min", false, 0, 480))
    s.buffer_before = minutes{*n};
  if (auto n = r.integer(v, path, "buffer_after_min", false, 0, 480)) s.buffer_after = minutes{*n};
  s.price_cents = r.integer(v, path, "price_cents", true, 0, 100000000).value_or(0);
  s.calcom_event_type_id =
      r.integer(v, path, "calcom_event_type_id", false, 1, std::numeric_limits<int64_t>::max());
  return s;
}

booking::staff_member parse_staff(json_reader& r, const json& v, const std::string& path) {
  booking::staff_member m;
  if (!r.object(v, path, {"slug", "name", "branch", "services", "hours", "calcom_user"})) return m;
  m.slug = r.slug(v, path).value_or("");
  m.name = r.text(v, path, "name", true).value_or("");
  m.branch = r.text(v, path, "branch", true).value_or("");
  if (r.member(v, path, "services", true) != nullptr) m.services = r.strings(v, path, "services");
  if (const json* h = r.member(v, path, "hours", false))
    m.hours = parse_week(r, *h, child_path(path, "hours"));
  m.calcom_user = calcom_user(r, v, path);
  return m;
}

}  // namespace askpro::actors::tenant::detail
