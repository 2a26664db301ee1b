#include "net/api/availability_input.hpp"

#include "actors/booking/wall_clock_text.hpp"

namespace askpro::net::api {
namespace {

/// At most this many days per request (bounds the engine's work).
constexpr int max_days = 31;

using errors_t = std::vector<http::field_error>;

std::optional<date::local_days> read_day(const query_lookup& param, const char* name,
                                         errors_t& errors) {
  auto text = param(name);
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

}  // namespace

std::optional<actors::calendar::availability_query> read_availability(
    const query_lookup& param, const actors::tenant::tenant_model& model,
    const actors::api::principal& who, const actors::tenant::branch_model*& branch,
    errors_t& errors) {
  actors::calendar::availability_query q;
  auto from = read_day(param, "from", errors);
  auto to = read_day(param, "to", errors);
  check_range(from, to, errors);
  auto branch_ref = param("branch");
  auto staff = param("staff");
  branch = actors::api::pick_branch(model, who, branch_ref, staff);
  if (!branch)
    errors.push_back({"branch", branch_ref ? "unknown branch" : "required: several branches"});
  auto service = param("service");
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

}  // namespace askpro::net::api
