#pragma once
/// Reading the bodies of the appointment write routes (contract.md "Tenant API request and
/// response shapes"): references resolved against the tenant's model through actors/api, times
/// from `start` (ISO 8601 with offset) or `date` + `time` (the branch's zone), every invalid
/// field named. Include only from handler files. Thread-safety: pure functions.

#include "actors/api/api_service.hpp"
#include "actors/calendar/protocol.hpp"
#include "actors/tenant/catalog_model.hpp"
#include "net/http/problem.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace askpro::net::api {

using field_errors = std::vector<http::field_error>;

/// A POST /appointments body as a booking request (customer by id or by phone and name),
/// plus the e-mail to remember; nullopt with `errors` filled when a field is invalid.
struct booking_input {
  actors::calendar::book_request request;
  const actors::tenant::branch_model* branch = nullptr;
  std::optional<std::string> email;
};
std::optional<booking_input> read_booking(const nlohmann::json& body,
                                          const actors::tenant::tenant_model& model,
                                          const actors::api::principal& who, field_errors& errors);

/// The new start (and optional staff) of a reschedule body for an appointment of `branch`.
std::optional<actors::calendar::reschedule_request> read_reschedule(
    const nlohmann::json& body, const actors::tenant::tenant_model& model,
    const actors::tenant::branch_model& branch, field_errors& errors);

}  // namespace askpro::net::api
