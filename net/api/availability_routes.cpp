// GET /api/v2/availability?service=…&from=YYYY-MM-DD&to=YYYY-MM-DD[&staff=…][&branch=…]: free
// slots of local dates [from, to) in the branch's zone (contract.md). Every invalid parameter
// is named in one 422.
#include "actors/api/api_booking.hpp"
#include "net/api/api_internal.hpp"
#include "net/api/appointment_json.hpp"
#include "net/api/availability_input.hpp"

namespace askpro::net::api {
namespace {

void get_availability(api_call& call) {
  auto tenant = actors::api::open_tenant(call.env.deps, call.who);
  if (!tenant) return respond_failure(call.res, tenant.error());
  std::vector<http::field_error> errors;
  const actors::tenant::branch_model* branch = nullptr;
  auto q = read_availability([&call](const char* name) { return call.query(name); }, *tenant->model,
                             call.who, branch, errors);
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
