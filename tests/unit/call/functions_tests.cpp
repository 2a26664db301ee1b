// Function names and argument aliases as agents in the field send them (SPEC S6).
#include "actors/call/functions.hpp"

#include <catch2/catch.hpp>

using namespace askpro::actors::call;

TEST_CASE("function names lose version suffixes and resolve aliases", "[functions]") {
  CHECK(function_of("book_appointment") == function_kind::book_appointment);
  CHECK(function_of("book_appointment_v17") == function_kind::book_appointment);
  CHECK(function_of("Book_Appointment_V3") == function_kind::book_appointment);
  CHECK(function_of("start_booking") == function_kind::book_appointment);
  CHECK(function_of("initialize_call") == function_kind::get_current_context);
  CHECK(function_of("current_time_berlin_v2") == function_kind::get_current_context);
  CHECK(function_of("get_customer_appointments") == function_kind::query_appointment);
  CHECK(function_of("collect_appointment_data_v12") == function_kind::collect_appointment_data);
  CHECK(function_of("book_appointment_vx") == function_kind::unknown);
  CHECK(function_of("book_appointment_v") == function_kind::unknown);
  CHECK(function_of("delete_everything") == function_kind::unknown);
  CHECK(function_of("") == function_kind::unknown);
  CHECK(std::string{to_string(function_kind::reschedule_appointment)} == "reschedule_appointment");
  CHECK(std::string{to_string(function_kind::unknown)} == "unknown");
}

TEST_CASE("German and English argument names map to one canonical set", "[functions]") {
  auto de = canonical_args({{"datum", "01.12.2026"},
                            {"uhrzeit", "14:30"},
                            {"dienstleistung", "Herrenhaarschnitt"},
                            {"mitarbeiter", "Anna"},
                            {"customer_name", "Max Muster"},
                            {"customer_phone", "030 1234567"}});
  CHECK(de.date == "01.12.2026");
  CHECK(de.time == "14:30");
  CHECK(de.service == "Herrenhaarschnitt");
  CHECK(de.staff == "Anna");
  CHECK(de.name == "Max Muster");
  CHECK(de.phone == "030 1234567");

  auto en = canonical_args({{"preferred_date", "tomorrow"},
                            {"preferred_time", "3 pm"},
                            {"Service", "cut"},
                            {"new_date", "Friday"},
                            {"neue_uhrzeit", "10:00"},
                            {"altes_datum", "morgen"}});
  CHECK(en.date == "tomorrow");
  CHECK(en.time == "3 pm");
  CHECK(en.service == "cut");
  CHECK(en.new_date == "Friday");
  CHECK(en.new_time == "10:00");
  CHECK(en.old_date == "morgen");
}

TEST_CASE("placeholders and the call_id argument are ignored", "[functions]") {
  auto args = canonical_args({{"call_id", "current"},
                              {"staff", "None"},
                              {"phone", "  "},
                              {"name", "{{customer_name}}"},
                              {"date", "null"},
                              {"service", "Färben"}});
  CHECK_FALSE(args.staff);
  CHECK_FALSE(args.phone);
  CHECK_FALSE(args.name);
  CHECK_FALSE(args.date);
  CHECK(args.service == "Färben");
  CHECK(is_placeholder("undefined"));
  CHECK(is_placeholder("N/A"));
  CHECK_FALSE(is_placeholder("Anna"));
  CHECK_FALSE(is_placeholder("0"));
}

TEST_CASE("the AskPro confirmation flag accepts German and English truth values", "[functions]") {
  CHECK(canonical_args({{"bestaetigung", "true"}}).confirm == true);
  CHECK(canonical_args({{"bestaetigung", "ja"}}).confirm == true);
  CHECK(canonical_args({{"bestaetigung", "false"}}).confirm == false);
  CHECK(canonical_args({{"confirmed", "no"}}).confirm == false);
  CHECK_FALSE(canonical_args({{"bestaetigung", "vielleicht"}}).confirm.has_value());
}

TEST_CASE("every function of SPEC S6 has its name", "[functions]") {
  CHECK(function_of("check_customer") == function_kind::check_customer);
  CHECK(function_of("get_opening_hours_v2") == function_kind::get_opening_hours);
  CHECK(function_of("release_slot_reservation") == function_kind::release_slot_reservation);
  CHECK(function_of("collect_appointment_data") == function_kind::collect_appointment_data);
  CHECK(function_of("REQUEST_CALLBACK") == function_kind::request_callback);
  CHECK(function_of("get_service_info") == function_kind::get_service_info);
  for (auto kind : {function_kind::check_customer, function_kind::get_opening_hours,
                    function_kind::release_slot_reservation,
                    function_kind::collect_appointment_data, function_kind::request_callback})
    CHECK(function_of(to_string(kind)) == kind);
}

TEST_CASE("callback and confirmation arguments under their field names", "[functions]") {
  auto cb = canonical_args({{"telefonnummer", "0151 1234567"},
                            {"grund", "Frage zur Rechnung"},
                            {"rueckrufzeit", "morgen Vormittag"},
                            {"kundenname", "Erika"}});
  CHECK(cb.phone == "0151 1234567");
  CHECK(cb.reason == "Frage zur Rechnung");
  CHECK(cb.time == "morgen Vormittag");
  CHECK(cb.name == "Erika");
  CHECK(canonical_args({{"anliegen", "Termin"}}).reason == "Termin");
  CHECK(canonical_args({{"phone_number", "+49301"}}).phone == "+49301");

  CHECK(canonical_args({{"bestaetigung", "true"}}).confirm == true);
  CHECK(canonical_args({{"bestätigung", "ja"}}).confirm == true);
  CHECK(canonical_args({{"Bestaetigung", "false"}}).confirm == false);
  CHECK(canonical_args({{"confirmed", "nein"}}).confirm == false);
  CHECK(canonical_args({{"confirm", "vielleicht"}}).confirm == std::nullopt);
  CHECK(canonical_args({{"bestaetigung", "None"}}).confirm == std::nullopt);
  CHECK_FALSE(canonical_args({}).confirm.has_value());
}
