// GET /api/v2/availability?service=…&from=YYYY-MM-DD&to=YYYY-MM-DD[&staff=…][&branch=…]: free
// slots of local dates [from, to) in the branch's zone (contract.md). Every invalid parameter
// is named in one 422.
#include "actors/api/api_booking.hpp"
#include "actors/booking/wall_clock_text.hpp"
#include "net/api/api_internal.hpp"
#include "net/api/appointment_json.hpp"

namespace askpro::net::api {
namespace {

/// At most this many days per request (bounds the engine's work).
constexpr int max_days = 31;

using errors_t = std::vector<http::field_error>;

std::optional<date::local_days> read_day(api_call& call, const char* name, errors_t& errors) {
  auto text = call.query(name);
  if (!text || text->empty()) {
    errors.push_back({name, "required (YYYY-MM-DD)"});
    return std::nullopt;
  }
  auto day = actors::booking::parse_iso_date(*text);
  if (!day) errors.push_back({name, "not a date (YYYY-MM-DD)"});
  return day;
}

void check_range(const std::optional<date::local_days>& from,
                 const std::optional<date::local_days>& to, errors_t& errors) {
  if (!from || !to) return;
  if (*to <= *from)
    errors.push_back({"to", "must be after from (to is exclusive)"});
  else if ((*to - *from).count() > max_days)
    errors.push_back({"to", "at most " + std::to_string(max_days) + " days after from"});
}

/// The query with resolved slugs, or nullopt with `errors` filled.
std::optional<actors::calendar::availability_query> read_query(
    api_call& call, const actors::tenant::tenant_model& model,
    const actors::tenant::branch_model*& branch, errors_t& errors) {
  actors::calendar::availability_query q;
  auto from = read_day(call, "from", errors);
  auto to = read_day(call, "to", errors);
  check_range(from, to, errors);
  auto branch_ref = call.query("branch");
  auto staff = call.query("staff");
  branch = actors::api::pick_branch(model, call.who, branch_ref, staff);
  if (!branch)
    errors.push_back({"branch", branch_ref ? "unknown branch" : "required: several branches"});
  auto service = call.query("service");
  auto svc = service ? actors::api::pick_service(model, *service) : std::nullopt;
  if (!svc) errors.push_back({"service", service ? "unknown service" : "required"});
  if (staff && branch) {
    q.staff = actors::api::pick_staff(*branch, *staff);
    if (!q.staff) errors.push_back({"staff", "unknown staff member"});
  }
  if (!errors.empty()) return std::nullopt;
  q.branch = branch->slug;
  q.service = *svc;
  q.from = *from;
  q.to = *to;
  return q;
}

void get_availability(api_call& call) {
  auto tenant = actors::api::open_tenant(call.env.deps, call.who);
  if (!tenant) return respond_failure(call.res, tenant.error());
  errors_t errors;
  const actors::tenant::branch_model* branch = nullptr;
  auto q = read_query(call, *tenant->model, branch, errors);
  if (!q) return respond_invalid(call.res, std::move(errors));
  auto reply = actors::api::availability(call.env.deps, *tenant, std::move(*q));
  if (!reply) return respond_failure(call.res, reply.error());
  respond_list(call, slots_json(reply->slots, actors::api::zone_of(*tenant->model, *branch)),
               std::nullopt);
}

}  // namespace

void mount_availability(api_mount& m) {
  m.add("GET", "/api/v2/availability", api_access::read, get_availability);
}

}  // namespace askpro::net::api
