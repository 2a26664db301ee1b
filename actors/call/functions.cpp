#include "actors/call/functions.hpp"

#include "actors/call/function_table.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace askpro::actors::call {
namespace {

/// Names agents in the field use for a function besides its canonical one (function_table).
struct function_alias {
  std::string_view name;
  function_kind kind;
};

constexpr std::array<function_alias, 4> aliases{{
    {"initialize_call", function_kind::get_current_context},
    {"current_time_berlin", function_kind::get_current_context},
    {"start_booking", function_kind::book_appointment},
    {"get_customer_appointments", function_kind::query_appointment},
}};

std::string lower(std::string_view s) {
  std::string out{s};
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// "book_appointment_v17" → "book_appointment".
std::string_view strip_version(std::string_view name) {
  auto pos = name.rfind("_v");
  if (pos == std::string_view::npos || pos + 2 == name.size()) return name;
  auto digits = name.substr(pos + 2);
  bool all = std::all_of(digits.begin(), digits.end(),
                         [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  return all ? name.substr(0, pos) : name;
}

using field = std::optional<std::string> function_args::*;

struct arg_name {
  std::string_view name;
  field target;
};

constexpr std::array<arg_name, 36> arg_names{{
    {"date", &function_args::date},
    {"datum", &function_args::date},
    {"appointment_date", &function_args::date},
    {"preferred_date", &function_args::date},
    {"time", &function_args::time},
    {"uhrzeit", &function_args::time},
    {"preferred_time", &function_args::time},
    {"callback_time", &function_args::time},
    {"rueckrufzeit", &function_args::time},
    {"service", &function_args::service},
    {"dienstleistung", &function_args::service},
    {"name", &function_args::name},
    {"customer_name", &function_args::name},
    {"kundenname", &function_args::name},
    {"staff", &function_args::staff},
    {"mitarbeiter", &function_args::staff},
    {"phone", &function_args::phone},
    {"customer_phone", &function_args::phone},
    {"phone_number", &function_args::phone},
    {"telefon", &function_args::phone},
    {"telefonnummer", &function_args::phone},
    {"email", &function_args::email},
    {"customer_email", &function_args::email},
    {"notes", &function_args::notes},
    {"reason", &function_args::reason},
    {"grund", &function_args::reason},
    {"anliegen", &function_args::reason},
    {"new_date", &function_args::new_date},
    {"neues_datum", &function_args::new_date},
    {"new_time", &function_args::new_time},
    {"neue_uhrzeit", &function_args::new_time},
    {"old_date", &function_args::old_date},
    {"altes_datum", &function_args::old_date},
    {"appointment_id", &function_args::appointment_id},
    {"termin_id", &function_args::appointment_id},
    {"reservation_id", &function_args::reservation_id},
}};

std::optional<bool> truth(std::string_view value) {
  auto v = lower(value);
  if (v == "true" || v == "1" || v == "ja" || v == "yes") return true;
  if (v == "false" || v == "0" || v == "nein" || v == "no") return false;
  return std::nullopt;
}

void assign(function_args& out, const std::string& key, const std::string& value) {
  if (key == "text") out.text = value;
  if (key == "today") out.today = value;
  if (key == "bestaetigung" || key == "bestätigung" || key == "confirm" || key == "confirmed")
    out.confirm = truth(value);
  for (const auto& a : arg_names)
    if (a.name == key && !(out.*a.target)) out.*a.target = value;
}

}  // namespace

function_kind function_of(std::string_view name) {
  const std::string lowered = lower(name);
  const std::string_view key = strip_version(lowered);
  for (const auto& f : function_specs())
    if (f.name == key) return f.kind;
  for (const auto& a : aliases)
    if (a.name == key) return a.kind;
  return function_kind::unknown;
}

const char* to_string(function_kind kind) {
  const auto* spec = spec_of(kind);
  return spec ? spec->name.data() : "unknown";
}

function_args canonical_args(const std::map<std::string, std::string>& raw) {
  function_args out;
  for (const auto& [name, value] : raw) {
    if (is_placeholder(value)) continue;
    assign(out, lower(name), value);
  }
  return out;
}

bool is_placeholder(std::string_view value) {
  auto begin = value.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return true;
  value = value.substr(begin, value.find_last_not_of(" \t") - begin + 1);
  if (value.size() >= 4 && value.substr(0, 2) == "{{") return true;
  const std::string v = lower(value);
  for (std::string_view p : {"none", "null", "nil", "undefined", "unknown", "current", "n/a", "-",
                             "unbekannt", "keine", "kein"})
    if (v == p) return true;
  return false;
}

}  // namespace askpro::actors::call
