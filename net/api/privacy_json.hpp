#pragma once
/// The GDPR export document and the erasure receipt of the tenant API (SPEC S11). Include only
/// from net/api handler files (pulls in nlohmann/json.hpp). Thread-safety: pure functions.

#include "actors/api/api_privacy.hpp"

#include <nlohmann/json.hpp>

namespace askpro::net::api {

/// `{customer, appointments, calls (with transcripts), callbacks, notifications, exported_at}`.
nlohmann::json export_json(const actors::api::customer_export& e, int64_t now_ms);

/// `{id, erased: true, appointments, calls, callbacks, notifications}` (counts).
nlohmann::json erasure_json(int64_t id, const persistence::erasure_report& r);

}  // namespace askpro::net::api
