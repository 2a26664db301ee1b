// The tenant file's notification settings: the company's `notifications` and a branch's
// `notify`, read with their defaults, and every refusal naming its path.
#include "actors/tenant/tenant_file.hpp"
#include "tenant_file_fixture.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace askpro::actors::tenant;
using namespace askpro::actors::tenant::test;

namespace {

tenant_document parsed(const json& doc) {
  auto out = parse_tenant_file(doc.dump());
  if (!out) FAIL(askpro::describe(out.error()));
  return *out;
}

}  // namespace

TEST_CASE("without notification keys the defaults apply", "[tenant_file][notify]") {
  auto doc = parsed(base());
  const auto& n = doc.tenant.notifications;
  CHECK(n.channels == std::vector<std::string>{"sms", "email"});
  CHECK(n.reminder_hours == 24);
  CHECK(n.templates.empty());
  CHECK(doc.branches[0].notify.empty());
}

TEST_CASE("notifications and branch notify are read and normalised", "[tenant_file][notify]") {
  json d = base();
  d["notifications"] = json::parse(R"({
    "channels": ["whatsapp", "email"], "reminder_hours": 0,
    "templates": {"confirmation": {"de": "Bis {date}, {name}!", "en": "See you {date}, {name}!"},
                  "low_balance": {"de": "Guthaben {balance} {unused_brace"}}})");
  d["branches"][1]["notify"] = {{"email", "nord@salon.example"}, {"phone", "0151 23456789"}};
  auto doc = parsed(d);
  const auto& n = doc.tenant.notifications;
  CHECK(n.channels == std::vector<std::string>{"whatsapp", "email"});
  CHECK(n.reminder_hours == 0);
  CHECK(n.templates.at("confirmation").at("en") == "See you {date}, {name}!");
  CHECK(n.templates.at("low_balance").at("de") == "Guthaben {balance} {unused_brace");
  CHECK(doc.branches[1].notify.email == "nord@salon.example");
  CHECK(doc.branches[1].notify.phone == "+4915123456789");
  CHECK(doc.branches[0].notify.empty());
  d["notifications"] = {{"channels", json::array()}};
  CHECK(parsed(d).tenant.notifications.channels.empty());  // customers get nothing
}

TEST_CASE("unknown notification keys are refused", "[tenant_file][notify][refusal]") {
  CHECK(refusal([](json& d) {
          d["notifications"] = {{"sender", "x"}};
        }) == "notifications.sender: unknown key");
  CHECK(refusal([](json& d) {
          d["branches"][0]["notify"] = {{"fax", "x"}};
        }) == "branches[0].notify.fax: unknown key");
  CHECK(refusal([](json& d) { d["notifications"] = "sms"; }) ==
        "notifications: expected an object");
}

TEST_CASE("channels must be known and listed once", "[tenant_file][notify][refusal]") {
  CHECK(refusal([](json& d) {
          d["notifications"] = {{"channels", {"sms", "fax"}}};
        }) ==
        "notifications.channels[1]: unknown channel \"fax\" (want one of sms, whatsapp, "
        "email)");
  CHECK(refusal([](json& d) {
          d["notifications"] = {{"channels", {"email", "sms", "email"}}};
        }) == "notifications.channels[2]: channel \"email\" listed twice");
  CHECK(refusal([](json& d) {
          d["notifications"] = {{"channels", "sms"}};
        }) == "notifications.channels: expected an array");
  CHECK(refusal([](json& d) {
          d["notifications"] = {{"channels", {"sms", 3}}};
        }) == "notifications.channels[1]: expected a non-empty string");
}

TEST_CASE("reminder hours are an integer from 0 to 720", "[tenant_file][notify][refusal]") {
  CHECK(refusal([](json& d) {
          d["notifications"] = {{"reminder_hours", 721}};
        }) == "notifications.reminder_hours: must be between 0 and 720");
  CHECK(refusal([](json& d) {
          d["notifications"] = {{"reminder_hours", -1}};
        }) == "notifications.reminder_hours: must be between 0 and 720");
  CHECK(refusal([](json& d) {
          d["notifications"] = {{"reminder_hours", 1.5}};
        }) == "notifications.reminder_hours: expected an integer");
  json d = base();
  d["notifications"] = {{"reminder_hours", 720}};
  CHECK(parsed(d).tenant.notifications.reminder_hours == 720);
}

TEST_CASE("templates need a known kind, a language code and known placeholders",
          "[tenant_file][notify][refusal]") {
  auto with_templates = [](const char* text) {
    return refusal([=](json& d) { d["notifications"] = {{"templates", json::parse(text)}}; });
  };
  CHECK(with_templates(R"({"welcome": {"de": "Hallo"}})") ==
        "notifications.templates.welcome: unknown template (want one of confirmation, "
        "reminder, cancellation, reschedule, callback, low_balance)");
  CHECK(with_templates(R"({"reminder": {"deu": "Hallo"}})") ==
        "notifications.templates.reminder.deu: not a language code (want two lower-case "
        "letters, e.g. de)");
  CHECK(with_templates(R"({"reminder": {"DE": "Hallo"}})") ==
        "notifications.templates.reminder.DE: not a language code (want two lower-case "
        "letters, e.g. de)");
  CHECK(with_templates(R"({"reminder": {"de": "Hallo {vorname}"}})") ==
        "notifications.templates.reminder.de: unknown placeholder {vorname} (want one of name, "
        "service, date, time, branch, tenant, phone, reason, preferred_time, balance)");
  CHECK(with_templates(R"({"reminder": {"de": ""}})") ==
        "notifications.templates.reminder.de: expected a non-empty string");
  CHECK(with_templates(R"({"reminder": "Hallo"})") ==
        "notifications.templates.reminder: expected an object");
  CHECK(with_templates(R"(["reminder"])") == "notifications.templates: expected an object");
  CHECK(refusal([](json& d) {
          d["notifications"]["templates"]["callback"]["en"] = std::string(2001, 'x');
        }) == "notifications.templates.callback.en: longer than 2000 bytes");
}

TEST_CASE("a branch's notify address and number are checked", "[tenant_file][notify][refusal]") {
  for (const char* bad : {"mitte", "mitte@", "@salon.example", "mitte@salon", "a b@salon.example",
                          "mitte@salon..example", "mitte@-salon.example", "x@y@salon.example"}) {
    INFO(bad);
    CHECK(refusal([=](json& d) {
            d["branches"][0]["notify"] = {{"email", bad}};
          }) == "branches[0].notify.email: not an e-mail address");
  }
  CHECK(refusal([](json& d) {
          d["branches"][0]["notify"] = {{"phone", "+49 30 1"}};
        }) == "branches[0].notify.phone: not a valid phone number for region DE");
  CHECK(refusal([](json& d) {
          d["branches"][0]["notify"] = {{"phone", ""}};
        }) == "branches[0].notify.phone: expected a non-empty string");
  CHECK(refusal([](json& d) { d["branches"][0]["notify"] = json::array(); }) ==
        "branches[0].notify: expected an object");
}

TEST_CASE("a notify phone may repeat a branch number", "[tenant_file][notify]") {
  json d = base();
  d["branches"][0]["notify"] = {{"phone", "+493012345678"}};
  CHECK(parsed(d).branches[0].notify.phone == "+493012345678");
}
