#include "net/api/appointment_input.hpp"

#include "actors/api/api_booking.hpp"
#include "actors/api/api_customers.hpp"
#include "actors/api/api_time.hpp"
#include "actors/tenant/phone.hpp"

namespace askpro::net::api {
namespace {

using nlohmann::json;

/// A reference field (slug string or integer id) as text; nullopt when absent. A value of
/// another type is an error.
std::optional<std::string> ref_of(const json& body, const char* name, field_errors& errors) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<int64_t>());
  errors.push_back({name, "must be a slug or an id"});
  return std::nullopt;
}

std::optional<std::string> text_of(const json& obj, const char* name, const std::string& field,
                                   field_errors& errors) {
  auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  if (it->is_string()) return it->get<std::string>();
  errors.push_back({field, "must be a string"});
  return std::nullopt;
}

/// `start` or `date` + `time` in `zone`.
std::optional<actors::booking::time_point> start_of(const json& body, const std::string& zone,
                                                    field_errors& errors) {
  auto start = text_of(body, "start", "start", errors);
  auto day = text_of(body, "date", "date", errors);
  auto time = text_of(body, "time", "time", errors);
  if (start) {
    auto at = actors::api::parse_iso_instant(*start);
    if (!at) errors.push_back({"start", "not an ISO 8601 time with offset"});
    return at;
  }
  if (!day && !time) {
    errors.push_back({"start", "required (or date and time)"});
    return std::nullopt;
  }
  if (!day) errors.push_back({"date", "required with time (YYYY-MM-DD)"});
  if (!time) errors.push_back({"time", "required with date (HH:MM)"});
  if (!day || !time) return std::nullopt;
  auto at = actors::api::local_instant(zone, *day, *time);
  if (!at) errors.push_back({"date", "not a date and time (YYYY-MM-DD, HH:MM)"});
  return at;
}

void read_customer(const json& body, const actors::tenant::tenant_model& model, booking_input& in,
                   field_errors& errors) {
  auto id = body.find("customer_id");
  if (id != body.end() && !id->is_null()) {
    if (id->is_number_integer())
      in.request.customer_id = id->get<int64_t>();
    else
      errors.push_back({"customer_id", "must be an integer"});
    return;
  }
  auto c = body.find("customer");
  if (c == body.end() || !c->is_object()) {
    errors.push_back({"customer", "customer {name, phone, email} or customer_id is required"});
    return;
  }
  auto phone = text_of(*c, "phone", "customer.phone", errors);
  auto name = text_of(*c, "name", "customer.name", errors);
  in.request.customer_name = name.value_or("");
  in.email = text_of(*c, "email", "customer.email", errors);
  // The customer's fields under the rules of a customer change (lengths, an e-mail's shape).
  for (auto& p : actors::api::check_customer_changes({name, in.email, std::nullopt}))
    if (p.field != "body") errors.push_back({"customer." + p.field, p.message});
  if (!phone) return errors.push_back({"customer.phone", "required"});
  auto e164 = actors::tenant::to_e164(*phone, model.country);
  if (!e164) return errors.push_back({"customer.phone", "not a valid phone number"});
  in.request.customer_phone = *e164;
}

}  // namespace

std::optional<booking_input> read_booking(const json& body,
                                          const actors::tenant::tenant_model& model,
                                          const actors::api::principal& who, field_errors& errors) {
  booking_input in;
  auto branch_ref = ref_of(body, "branch", errors);
  auto staff = ref_of(body, "staff", errors);
  in.branch = actors::api::pick_branch(model, who, branch_ref, staff);
  if (!in.branch)
    errors.push_back({"branch", branch_ref ? "unknown branch" : "required: several branches"});
  auto service = ref_of(body, "service", errors);
  auto svc = service ? actors::api::pick_service(model, *service) : std::nullopt;
  if (!svc) errors.push_back({"service", service ? "unknown service" : "required"});
  if (staff && in.branch) {
    in.request.staff = actors::api::pick_staff(*in.branch, *staff);
    if (!in.request.staff) errors.push_back({"staff", "unknown staff member"});
  }
  auto zone = in.branch ? actors::api::zone_of(model, *in.branch) : model.time_zone;
  auto start = start_of(body, zone, errors);
  in.request.notes = text_of(body, "notes", "notes", errors).value_or("");
  if (in.request.notes.size() > 2000) errors.push_back({"notes", "at most 2000 characters"});
  read_customer(body, model, in, errors);
  if (!errors.empty()) return std::nullopt;
  in.request.branch = in.branch->slug;
  in.request.service = *svc;
  in.request.start = *start;
  return in;
}

std::optional<actors::calendar::reschedule_request> read_reschedule(
    const json& body, const actors::tenant::tenant_model& model,
    const actors::tenant::branch_model& branch, field_errors& errors) {
  actors::calendar::reschedule_request q;
  q.branch = branch.slug;
  if (auto staff = ref_of(body, "staff", errors)) {
    q.staff = actors::api::pick_staff(branch, *staff);
    if (!q.staff) errors.push_back({"staff", "unknown staff member"});
  }
  auto start = start_of(body, actors::api::zone_of(model, branch), errors);
  if (!errors.empty()) return std::nullopt;
  q.start = *start;
  return q;
}

}  // namespace askpro::net::api
