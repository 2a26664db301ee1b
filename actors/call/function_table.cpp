// The functions agents call, with their arguments: the one table (function_table.hpp).
#include "actors/call/function_table.hpp"

namespace askpro::actors::call {
namespace {

using k = function_kind;

constexpr std::string_view date_text =
    "The day: ISO (2026-12-03) or as spoken, in German or English (\"morgen\", \"next Tuesday\", "
    "\"am 3. Dezember\").";
constexpr std::string_view time_text =
    "The time of day: 24-hour (14:30) or as spoken (\"halb drei\", \"3 pm\").";
constexpr std::string_view service_text =
    "The service's slug or name as list_services gives it; optional when the business has one.";
constexpr std::string_view staff_text =
    "A member of staff's slug or name; omit for whoever is free.";
constexpr std::string_view phone_text =
    "The caller's phone number (E.164 or national). It identifies the caller: only their own "
    "appointments can be queried, cancelled or moved.";
constexpr std::string_view appointment_text =
    "The appointment's id as query_appointment or book_appointment gave it; or give its date.";

function_arg date_arg(bool required = false) {
  return {"date", "string", date_text, required};
}
function_arg time_arg(bool required = false) {
  return {"time", "string", time_text, required};
}
function_arg service_arg() {
  return {"service", "string", service_text, false};
}
function_arg staff_arg() {
  return {"staff", "string", staff_text, false};
}
function_arg phone_arg(bool required = false) {
  return {"phone", "string", phone_text, required};
}

/// What a booking names: the time, the service and staff, the customer.
std::vector<function_arg> booking_args(std::vector<function_arg> more) {
  std::vector<function_arg> out{date_arg(true),
                                time_arg(true),
                                service_arg(),
                                staff_arg(),
                                {"name", "string", "The customer's name.", false},
                                phone_arg(true)};
  out.insert(out.end(), more.begin(), more.end());
  return out;
}

std::vector<function_spec> build_specs() {
  return {
      {k::get_current_context,
       "get_current_context",
       "Today's date, weekday and the current time in the business's time zone. Call it first "
       "to resolve relative days.",
       {}},
      {k::check_customer,
       "check_customer",
       "Whether the caller is a known customer: their name and upcoming appointments.",
       {phone_arg(true)}},
      {k::list_services,
       "list_services",
       "The services offered with duration and price, and the staff who perform them.",
       {service_arg()}},
      {k::get_service_info,
       "get_service_info",
       "Duration, price and staff of one service.",
       {{"service", "string", service_text, true}}},
      {k::get_opening_hours,
       "get_opening_hours",
       "Opening hours of the week, or whether the business is open on a given day.",
       {date_arg()}},
      {k::parse_date,
       "parse_date",
       "Turns a spoken day (German or English) into an ISO date, relative to today.",
       {{"text", "string", "The words for the day, as the caller said them.", true},
        {"today", "string", "Today as ISO date; default: today in the business's time zone.",
         false}}},
      {k::check_availability,
       "check_availability",
       "Whether a time is free; when it is not, the nearest free times.",
       {date_arg(true), time_arg(), service_arg(), staff_arg()}},
      {k::find_next_available,
       "find_next_available",
       "The next free times for a service, from a day and time on (default: now).",
       {service_arg(), staff_arg(), date_arg(), time_arg()}},
      {k::reserve_slot,
       "reserve_slot",
       "Holds a free time for a few minutes while the caller decides; book_appointment at the "
       "same time converts the hold.",
       {date_arg(true), time_arg(true), service_arg(), staff_arg()},
       true},
      {k::release_slot_reservation,
       "release_slot_reservation",
       "Gives up a hold made by reserve_slot in this conversation.",
       {{"reservation_id", "string", "The id reserve_slot gave.", true}},
       true},
      {k::book_appointment, "book_appointment",
       "Books the appointment. Repeating the same booking in one conversation returns the same "
       "appointment, never a second one.",
       booking_args(
           {{"email", "string", "The customer's e-mail address, for the confirmation.", false},
            {"notes", "string", "Anything the business should know.", false}}),
       true},
      {k::collect_appointment_data, "collect_appointment_data",
       "Checks the appointment details; with confirm=true books them as book_appointment does.",
       booking_args(
           {{"confirm", "boolean", "true once the caller has confirmed the details.", false}}),
       true},
      {k::query_appointment,
       "query_appointment",
       "The caller's upcoming appointments.",
       {phone_arg(true)}},
      {k::cancel_appointment,
       "cancel_appointment",
       "Cancels one of the caller's appointments.",
       {phone_arg(true), {"appointment_id", "string", appointment_text, false}, date_arg()},
       true},
      {k::reschedule_appointment,
       "reschedule_appointment",
       "Moves one of the caller's appointments to a new day and time.",
       {phone_arg(true),
        {"appointment_id", "string", appointment_text, false},
        {"old_date", "string", "The day of the appointment to move (instead of its id).", false},
        {"new_date", "string", date_text, true},
        {"new_time", "string", time_text, true}},
       true},
      {k::request_callback,
       "request_callback",
       "Asks the business to call the caller back (once per conversation).",
       {phone_arg(true),
        {"name", "string", "The caller's name.", false},
        {"reason", "string", "What the call is about.", false},
        {"time", "string", "When the caller would like to be called back.", false}},
       true},
  };
}

}  // namespace

const std::vector<function_spec>& function_specs() {
  static const std::vector<function_spec> specs = build_specs();
  return specs;
}

const function_spec* spec_of(function_kind kind) {
  for (const auto& s : function_specs())
    if (s.kind == kind) return &s;
  return nullptr;
}

}  // namespace askpro::actors::call
