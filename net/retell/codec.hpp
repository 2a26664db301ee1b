#pragma once
/// Retell's JSON (wire-formats.md "Retell") to plain structs and back. Translation only: no
/// decisions, no tenant lookups. Unknown fields are ignored; values of the wrong type are treated
/// as absent, except where a field is required (named per function).
/// Thread-safety: pure functions. Nothing throws (nlohmann is used with exceptions caught).

#include "runtime/error.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace askpro::net::retell {

/// The call object, as far as we use it. JSON-valued fields are kept as JSON text.
struct call_fields {
  std::string call_id;
  std::string agent_id;
  std::string direction;  ///< "inbound" | "outbound" | ""
  std::optional<std::string> from_number, to_number;
  std::string call_status;
  std::optional<int64_t> start_timestamp, end_timestamp, duration_ms;
  std::optional<std::string> disconnection_reason;
  std::optional<std::string> transcript;         ///< plain text
  std::optional<std::string> transcript_object;  ///< JSON text of the array
  std::optional<std::string> call_summary, user_sentiment;
  std::optional<bool> call_successful;
  std::optional<std::string> custom_analysis;  ///< JSON text of custom_analysis_data
  std::optional<int64_t> combined_cost_cents;
};

/// `{"event": …, "call": {…}}` (or the older `event_type`), or `call_inbound`.
struct event {
  std::string name;  ///< "call_started", "call_inbound", …
  call_fields call;  ///< for call_inbound: agent_id, from_number, to_number only; no call id
};

/// Bounds on what enters through Retell (refused as errc::invalid_argument, naming the field):
/// a call id is 1–128 characters of letters, digits, `_` and `-` (Retell's `call_…` ids; a path
/// such as `../../db` is no call id); a function argument is at most `max_arg_chars` long, and
/// a name at most `max_name_chars`.
inline constexpr std::size_t max_call_id_chars = 128;
inline constexpr std::size_t max_arg_chars = 2000;
inline constexpr std::size_t max_name_chars = 200;

/// Errors: errc::invalid_argument for unparseable JSON, a body that is not an object, a missing
/// event name, or (except for call_inbound) a missing or malformed `call.call_id`.
[[nodiscard]] Result<event> parse_event(std::string_view body);

/// `{"name","args","call"}`. Argument values that are not strings are kept as their JSON text
/// (numbers "3", booleans "true"); null arguments are dropped.
struct function_call {
  std::string name;
  std::map<std::string, std::string> args;
  call_fields call;
};

/// Errors: errc::invalid_argument for unparseable JSON, a missing `name`, the args-only form
/// (an object without `call`: it carries no call id) with a detail saying so, a malformed call
/// id and an argument over its bound (see above).
[[nodiscard]] Result<function_call> parse_function_call(std::string_view body);

/// The dialled number of any Retell body, to choose the tenant (and its key) before the
/// signature is checked: `call_inbound.to_number` or `call.to_number`; nullopt when absent or the
/// body is not JSON.
std::optional<std::string> dialled_number(std::string_view body);

/// `{"call_inbound":{"dynamic_variables":{…},"metadata":{…}}}` — values are strings.
std::string inbound_response(const std::map<std::string, std::string>& dynamic_variables,
                             const std::map<std::string, std::string>& metadata);

/// The function response envelope: `{"success","message","data","error"}`; `data_json` must be
/// a JSON object's text ("{}" when empty); `error_code` only on failure.
std::string function_response(bool success, const std::string& message,
                              const std::string& data_json,
                              const std::optional<std::string>& error_code);

}  // namespace askpro::net::retell
