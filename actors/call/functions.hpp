#pragma once
/// The custom functions the voice agent calls (SPEC S6) and the names agents in the field use for
/// them and their arguments. Pure translation tables: which function a name means, and the
/// canonical value of each argument whatever (German or English) name it came under.
/// Thread-safety: pure functions over immutable tables.

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace askpro::actors::call {

enum class function_kind {
  get_current_context,
  check_customer,
  list_services,
  get_service_info,
  get_opening_hours,
  parse_date,
  check_availability,
  find_next_available,
  reserve_slot,
  release_slot_reservation,
  book_appointment,
  collect_appointment_data,
  query_appointment,
  cancel_appointment,
  reschedule_appointment,
  request_callback,
  unknown,
};

/// The function a name means: a version suffix `_v<digits>` is stripped
/// (`book_appointment_v17`), aliases are resolved (`initialize_call`, `current_time_berlin` →
/// get_current_context; `start_booking` → book_appointment; `get_customer_appointments` →
/// query_appointment), case is ignored. Anything else → unknown.
function_kind function_of(std::string_view name);

/// The canonical snake_case name ("book_appointment"; "unknown").
const char* to_string(function_kind kind);

/// A function's arguments under their canonical names. Absent when not given, empty, or a
/// placeholder an LLM puts in for "nothing" (see `is_placeholder`).
struct function_args {
  std::optional<std::string> date, time, service, name, staff, phone, email, notes, reason;
  std::optional<std::string> new_date, new_time, old_date;
  std::optional<std::string> appointment_id, reservation_id;
  std::optional<std::string> text, today;  ///< parse_date
  std::optional<bool> confirm;             ///< collect_appointment_data `bestaetigung`
};

/// Maps raw argument names to canonical ones (SPEC S6): date = date | datum | appointment_date |
/// preferred_date; time = time | uhrzeit | preferred_time | callback_time | rueckrufzeit;
/// service = service | dienstleistung; name = name | customer_name | kundenname; staff = staff |
/// mitarbeiter; phone = phone | customer_phone | phone_number | telefon | telefonnummer;
/// reason = reason | grund | anliegen; new_date | neues_datum, new_time | neue_uhrzeit,
/// old_date | altes_datum; appointment_id | termin_id; confirm = bestaetigung | bestätigung |
/// confirm | confirmed ("true"/"ja"/"yes"/"1" or "false"/"nein"/"no"/"0"). A `call_id`
/// argument is ignored (the call id comes from the call object). Keys compare
/// case-insensitively (ASCII).
function_args canonical_args(const std::map<std::string, std::string>& raw);

/// True for values that mean "not given": "", "none", "null", "undefined", "unknown",
/// "current", "n/a", "-", "{{…}}" (an unfilled template variable) — case-insensitive.
bool is_placeholder(std::string_view value);

}  // namespace askpro::actors::call
