#pragma once
/// JSON forms of appointments and slots in the tenant API (contract.md "Tenant API list shape":
/// id, start, end, status, service, staff, customer_id, source, call_id, …; times in ISO 8601 with
/// the branch's offset). Include only from handler files (pulls in nlohmann/json.hpp).
/// Thread-safety: pure functions.

#include "actors/api/api_appointments.hpp"
#include "actors/calendar/protocol.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace askpro::net::api {

nlohmann::json appointment_json(const actors::api::appointment_view& v);

/// The view of an appointment the booking actor answered with, shown in `zone`.
actors::api::appointment_view view_of(const actors::calendar::appointment_info& info,
                                      const std::string& zone);

/// `[{start, end, staff}]` in `zone`.
nlohmann::json slots_json(const std::vector<actors::booking::slot>& slots, const std::string& zone);

}  // namespace askpro::net::api
