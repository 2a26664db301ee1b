#pragma once
/// JSON renderings of customers and calls for the tenant API, and the instants its list
/// filters take. Include only from net/api handler files (pulls in nlohmann/json.hpp).
/// Thread-safety: pure functions. Errors: parse_instant yields nullopt for text it cannot read.

#include "persistence/repo/call_repo.hpp"
#include "persistence/repo/customer_repo.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace askpro::net::api {

/// Unix ms as ISO 8601 UTC with seconds: "2026-12-01T13:30:00Z".
std::string iso_utc(int64_t unix_ms);

/// "YYYY-MM-DD" (midnight UTC) or "YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)" as Unix ms.
std::optional<int64_t> parse_instant(std::string_view text);

/// A path id: all digits, positive, fits int64; nullopt otherwise (answered as 404).
std::optional<int64_t> parse_id(std::string_view text);

/// `{id, phone, name, email, notes, consent_*, created_at, updated_at}`.
nlohmann::json customer_json(const persistence::customer_record& c);

/// The list form of a call (no transcript or analysis).
nlohmann::json call_summary_json(const persistence::call_record& c);

/// The call with `transcript`, `transcript_object` and `analysis` (parsed JSON where stored as
/// JSON text, else the text; null when absent).
nlohmann::json call_detail_json(const persistence::call_record& c);

}  // namespace askpro::net::api
