// The tenant file refuses bad documents, naming the path of each problem.
#include "actors/tenant/tenant_file.hpp"
#include "tenant_file_fixture.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace askpro::actors::tenant;
using namespace askpro::actors::tenant::test;

namespace {

/// JSON from text (initializer lists of pairs would turn into objects).
json j(const char* text) {
  return json::parse(text);
}

}  // namespace

TEST_CASE("the base document is valid", "[tenant_file][refusal]") {
  CHECK(problems_of(base()).empty());
  auto doc = parse_tenant_file(base().dump());
  REQUIRE(doc);
  CHECK(doc->branches[1].phone_numbers == std::vector<std::string>{"+493098765432"});
  CHECK(doc->branches[1].hours.time_zone == "Europe/Berlin");         // inherited
  CHECK(doc->tenant.booking.min_notice == std::chrono::minutes{60});  // default
}

TEST_CASE("unknown keys are refused at every level", "[tenant_file][refusal]") {
  CHECK(refusal([](json& d) { d["colour"] = "red"; }) == "colour: unknown key");
  CHECK(refusal([](json& d) { d["branches"][0]["fax"] = "x"; }) == "branches[0].fax: unknown key");
  CHECK(refusal([](json& d) { d["services"][1]["color"] = 1; }) ==
        "services[1].color: unknown key");
  CHECK(refusal([](json& d) { d["branches"][0]["hours"]["monday"] = json::array(); }) ==
        "branches[0].hours.monday: unknown key");
  CHECK(refusal([](json& d) { d["staff"][0]["role"] = "boss"; }) == "staff[0].role: unknown key");
  CHECK(refusal([](json& d) { d["booking"] = {{"step", 15}}; }) == "booking.step: unknown key");
}

TEST_CASE("bad times are refused with the interval's path", "[tenant_file][refusal]") {
  auto mon1 = [](const char* a, const char* b) {
    return refusal([=](json& d) { d["branches"][0]["hours"]["mon"][1] = {a, b}; });
  };
  CHECK(mon1("13:00", "25:00") ==
        "branches[0].hours.mon[1]: bad end time \"25:00\" (want HH:MM, 00:00-24:00)");
  CHECK(mon1("9:7", "18:00") ==
        "branches[0].hours.mon[1]: bad start time \"9:7\" (want HH:MM, 00:00-23:59)");
  CHECK(mon1("18:00", "13:00") == "branches[0].hours.mon[1]: start 18:00 is not before end 13:00");
  CHECK(mon1("13:00", "13:00") == "branches[0].hours.mon[1]: start 13:00 is not before end 13:00");
  CHECK(refusal([](json& d) { d["branches"][0]["hours"]["mon"][1] = "13-18"; }) ==
        "branches[0].hours.mon[1]: expected [\"HH:MM\", \"HH:MM\"]");
}

TEST_CASE("overlapping intervals are refused, sorted or not", "[tenant_file][refusal]") {
  CHECK(refusal([](json& d) {
          d["branches"][0]["hours"]["mon"] = j(R"([["09:00", "12:00"], ["11:00", "18:00"]])");
        }) == "branches[0].hours.mon[1]: overlaps branches[0].hours.mon[0]");
  CHECK(refusal([](json& d) {
          d["staff"][0]["hours"] = j(R"({"tue": [["11:00", "18:00"], ["09:00", "12:00"]]})");
        }) == "staff[0].hours.tue[1]: overlaps staff[0].hours.tue[0]");
  json unsorted = base();
  unsorted["branches"][0]["hours"]["mon"] =
      j(R"([["13:00", "18:00"], ["12:00", "13:00"], ["09:00", "11:00"]])");
  auto doc = parse_tenant_file(unsorted.dump());
  REQUIRE(doc);
  CHECK(doc->branches[0].hours.week.days[0] ==
        askpro::actors::booking::day_hours{{540, 660}, {720, 1080}});
}

TEST_CASE("unknown time zones are refused", "[tenant_file][refusal]") {
  CHECK(refusal([](json& d) { d["timezone"] = "Europe/Berlinn"; }) ==
        "timezone: unknown time zone \"Europe/Berlinn\"");
  CHECK(refusal([](json& d) { d["branches"][1]["timezone"] = "Mars/Olympus"; }) ==
        "branches[1].timezone: unknown time zone \"Mars/Olympus\"");
}

TEST_CASE("invalid and repeated phone numbers are refused", "[tenant_file][refusal]") {
  CHECK(refusal([](json& d) { d["branches"][0]["phone_numbers"][0] = "+49 30 1"; }) ==
        "branches[0].phone_numbers[0]: not a valid phone number for region DE");
  CHECK(refusal([](json& d) { d["branches"][1]["phone_numbers"].push_back("030 12345678"); }) ==
        "branches[1].phone_numbers[1]: same number as branches[0].phone_numbers[0]");
}

TEST_CASE("staff must refer to known branches and services", "[tenant_file][refusal]") {
  CHECK(refusal([](json& d) { d["staff"][0]["services"][1] = "maniküre"; }) ==
        "staff[0].services[1]: unknown service \"maniküre\"");
  CHECK(refusal([](json& d) { d["staff"][0]["branch"] = "sued"; }) ==
        "staff[0].branch: unknown branch \"sued\"");
  CHECK(refusal([](json& d) { d["staff"][0]["services"][1] = "herrenhaarschnitt"; }) ==
        "staff[0].services[1]: service \"herrenhaarschnitt\" listed twice");
}

TEST_CASE("slugs must be well formed and unique", "[tenant_file][refusal]") {
  CHECK(refusal([](json& d) {
          d["services"][1]["slug"] = "herrenhaarschnitt";
          d["staff"][0]["services"] = {"herrenhaarschnitt"};
        }) == "services[1].slug: duplicate slug \"herrenhaarschnitt\" (also services[0])");
  CHECK(refusal([](json& d) { d["branches"][1]["slug"] = "mitte"; }) ==
        "branches[1].slug: duplicate slug \"mitte\" (also branches[0])");
  CHECK(refusal([](json& d) { d["slug"] = "Salon Mitte"; }) ==
        "slug: must match [a-z0-9-]+ (at most 64 characters)");
}

TEST_CASE("invalid dates are refused", "[tenant_file][refusal]") {
  CHECK(refusal([](json& d) {
          d["branches"][0]["closed"] = {"2026-12-24", "2026-02-30"};
        }) == "branches[0].closed[1]: not a valid date (want YYYY-MM-DD)");
  CHECK(refusal([](json& d) {
          d["branches"][0]["special_hours"] = j(R"({"2026-13-01": [["09:00", "13:00"]]})");
        }) == "branches[0].special_hours.2026-13-01: not a valid date (want YYYY-MM-DD)");
  CHECK(
      refusal([](json& d) {
        d["branches"][0]["special_hours"] = j(R"({"2026-12-31": [["09:00", "33:00"]]})");
      }) ==
      "branches[0].special_hours.2026-12-31[0]: bad end time \"33:00\" (want HH:MM, 00:00-24:00)");
}

TEST_CASE("values out of range or of the wrong type are refused", "[tenant_file][refusal]") {
  CHECK(refusal([](json& d) { d["locale"] = "fr"; }) == "locale: must be one of de, en");
  json unknown_country = base();
  unknown_country["country"] = "XX";  // national numbers can no longer be read
  CHECK(problems_of(unknown_country) ==
        std::vector<std::string>{
            "country: unknown country \"XX\" (want ISO 3166 alpha-2, e.g. DE)",
            "branches[1].phone_numbers[0]: not a valid international phone number"});
  CHECK(refusal([](json& d) { d["services"][0]["duration_min"] = -30; }) ==
        "services[0].duration_min: must be between 1 and 1440");
  CHECK(refusal([](json& d) { d["services"][0]["price_cents"] = -1; }) ==
        "services[0].price_cents: must be between 0 and 100000000");
  CHECK(refusal([](json& d) { d["services"][0]["duration_min"] = "30"; }) ==
        "services[0].duration_min: expected an integer");
  CHECK(refusal([](json& d) { d["services"][0]["name"] = 5; }) ==
        "services[0].name: expected a non-empty string");
  CHECK(refusal([](json& d) {
          d["booking"] = {{"slot_step_min", 0}};
        }) == "booking.slot_step_min: must be between 5 and 240");
  CHECK(refusal([](json& d) {
          d["booking"] = {{"horizon_days", 1000}};
        }) == "booking.horizon_days: must be between 1 and 730");
  CHECK(refusal([](json& d) {
          d["billing"] = {{"rounding", "hour"}};
        }) == "billing.rounding: must be one of minute, second");
  CHECK(refusal([](json& d) {
          d["retention"] = {{"transcript_days", 0}};
        }) == "retention.transcript_days: must be between 1 and 3650");
  CHECK(refusal([](json& d) {
          d["retention"] = {{"transcripts", 90}};
        }).rfind("retention", 0) == 0);
  json no_branches = base();
  no_branches["branches"] = json::object();
  CHECK(problems_of(no_branches) ==
        std::vector<std::string>{"branches: expected an array",
                                 "staff[0].branch: unknown branch \"mitte\""});
}

TEST_CASE("missing required keys are refused", "[tenant_file][refusal]") {
  CHECK(refusal([](json& d) { d["services"][0].erase("name"); }) ==
        "services[0].name: missing required key");
  CHECK(refusal([](json& d) { d["branches"][1].erase("hours"); }) ==
        "branches[1].hours: missing required key");
  CHECK(refusal([](json& d) { d.erase("staff"); }) == "staff: missing required key");
}

TEST_CASE("calendar settings are checked per provider", "[tenant_file][refusal]") {
  CHECK(refusal([](json& d) {
          d["branches"][0]["calendar"] = {{"provider", "calcom"}};
        }) == "branches[0].calendar.api_key: missing required key");
  CHECK(refusal([](json& d) {
          d["branches"][0]["calendar"] = {{"provider", "internal"}, {"api_key", "cal_x"}};
        }) == "branches[0].calendar.api_key: only for provider \"calcom\"");
  json calcom = base();
  calcom["branches"][0]["calendar"] = {{"provider", "calcom"}, {"api_key", "cal_live_x"}};
  calcom["services"][0]["calcom_event_type_id"] = 123456;
  calcom["staff"][0]["calcom_user"] = 42;
  auto doc = parse_tenant_file(calcom.dump());
  REQUIRE(doc);
  CHECK(doc->services[0].calcom_event_type_id == 123456);
  CHECK(doc->staff[0].calcom_user == std::string{"42"});
}

TEST_CASE("a label naming two services is refused", "[tenant_file][refusal]") {
  CHECK(refusal([](json& d) { d["services"][1]["synonyms"] = {"haarschnitt herren"}; }) ==
        "services[1].synonyms[0]: \"haarschnitt herren\" also names service \"herrenhaarschnitt\"");
}

TEST_CASE("text that is not JSON is refused as a whole", "[tenant_file][refusal]") {
  auto all = tenant_file_problems("{\"slug\": ");
  REQUIRE(all.size() == 1);
  CHECK(all[0].path == "(document)");
  CHECK(all[0].message.rfind("not valid JSON", 0) == 0);
  CHECK(to_string(tenant_file_problems("[]").at(0)) == "(document): expected an object");
}

TEST_CASE("all problems are listed, each with its path", "[tenant_file][refusal]") {
  json doc = base();
  doc["colour"] = "red";
  doc["timezone"] = "Nowhere/Land";
  doc["branches"][0]["hours"]["mon"][1] = {"13:00", "25:00"};
  doc["branches"][1]["phone_numbers"][0] = "123";
  doc["services"][1]["duration_min"] = 0;
  doc["staff"][0]["branch"] = "sued";
  doc["staff"][0]["services"][0] = "farben";
  std::vector<std::string> paths;
  for (const auto& p : tenant_file_problems(doc.dump())) paths.push_back(p.path);
  CHECK(paths == std::vector<std::string>{"colour", "timezone", "branches[0].hours.mon[1]",
                                          "branches[1].phone_numbers[0]",
                                          "services[1].duration_min", "staff[0].branch",
                                          "staff[0].services[0]"});
  auto first = parse_tenant_file(doc.dump());
  REQUIRE_FALSE(first);
  CHECK(askpro::detail_of(first.error()) == "colour: unknown key");
}

TEST_CASE("a missing file is not_found", "[tenant_file][refusal]") {
  auto doc = load_tenant_file("/nonexistent/tenant.json");
  REQUIRE_FALSE(doc);
  CHECK(askpro::code_of(doc.error()) == askpro::errc::not_found);
}
