// Notification settings from the tenant file to catalog rows (normalised JSON text) and from
// there into the tenant model.
#include "actors/notify/notify_settings.hpp"
#include "actors/tenant/catalog_model.hpp"
#include "actors/tenant/provision.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace askpro::actors;
using notify::branch_notify;
using notify::notification_settings;

namespace {

const std::string small_file = R"({
  "slug": "s", "name": "S", "timezone": "Europe/Berlin", "locale": "en", "country": "DE",
  "notifications": {"templates": {"reminder": {"en": "Soon: {service} at {time}"}},
                    "reminder_hours": 2, "channels": ["email", "whatsapp"]},
  "branches": [{"slug": "b", "name": "B", "hours": {"mon": [["09:00", "12:00"]]},
                "notify": {"phone": "030 1234567", "email": "b@s.example"}},
               {"slug": "c", "name": "C", "hours": {"mon": [["09:00", "12:00"]]}}],
  "services": [{"slug": "x", "name": "X", "duration_min": 30, "price_cents": 100}],
  "staff": [{"slug": "p", "name": "P", "branch": "b", "services": ["x"]}]
})";

tenant::tenant_document load(const std::string& text) {
  auto doc = tenant::parse_tenant_file(text);
  if (!doc) FAIL(askpro::describe(doc.error()));
  return *doc;
}

}  // namespace

TEST_CASE("to_catalog writes notifications and notify as normalised JSON", "[provision][notify]") {
  auto doc = load(small_file);
  auto c = tenant::to_catalog(doc);
  CHECK(c.company.notifications ==
        R"({"channels":["email","whatsapp"],"reminder_hours":2,)"
        R"("templates":{"reminder":{"en":"Soon: {service} at {time}"}}})");
  REQUIRE(c.branches.size() == 2);
  CHECK(c.branches[0].notify == R"({"email":"b@s.example","phone":"+49301234567"})");
  CHECK(c.branches[1].notify == "{}");
  CHECK(tenant::to_catalog(load(small_file)).company.notifications == c.company.notifications);
}

TEST_CASE("a file without notifications stores the defaults", "[provision][notify]") {
  auto text = nlohmann::json::parse(small_file);
  text.erase("notifications");
  auto c = tenant::to_catalog(load(text.dump()));
  CHECK(c.company.notifications ==
        R"({"channels":["sms","email"],"reminder_hours":24,"templates":{}})");
}

TEST_CASE("the tenant model reads back what provisioning wrote", "[provision][notify]") {
  auto doc = load(small_file);
  auto c = tenant::to_catalog(doc);
  for (std::size_t i = 0; i < c.branches.size(); ++i) c.branches[i].id = int64_t(i) + 1;
  auto m = tenant::make_tenant_model(c);
  if (!m) FAIL(askpro::describe(m.error()));
  CHECK(m->notifications == doc.tenant.notifications);
  CHECK(m->notifications.channels == std::vector<std::string>{"email", "whatsapp"});
  CHECK(m->notifications.reminder_hours == 2);
  REQUIRE(m->branch("b") != nullptr);
  CHECK(m->branch("b")->notify == branch_notify{"b@s.example", "+49301234567"});
  CHECK(m->branch("c")->notify.empty());
}

TEST_CASE("the demo tenant's notification settings", "[provision][notify]") {
  auto doc = tenant::load_tenant_file(std::string{ASKPRO_SOURCE_DIR} + "/config/demo-tenant.json");
  if (!doc) FAIL(askpro::describe(doc.error()));
  const auto& n = doc->tenant.notifications;
  CHECK(n.channels == std::vector<std::string>{"sms", "email"});
  CHECK(n.reminder_hours == 24);
  CHECK(n.templates.at("reminder").count("de") == 1);
  const auto* mitte = doc->find_branch("mitte");
  REQUIRE(mitte != nullptr);
  CHECK(mitte->notify.email == "mitte@salon-lindenblatt.example");
  CHECK(mitte->notify.phone == "+4915123456789");
  CHECK(doc->find_branch("prenzlauer-berg")->notify.empty());
  auto c = tenant::to_catalog(*doc);
  CHECK(c.branches[1].notify == "{}");
}

TEST_CASE("stored settings: '{}' means the defaults, corrupt text is refused",
          "[provision][notify]") {
  auto defaults = notify::notification_settings_from_json("{}");
  REQUIRE(defaults);
  CHECK(*defaults == notification_settings{});
  auto nowhere = notify::branch_notify_from_json("{}");
  REQUIRE(nowhere);
  CHECK(nowhere->empty());
  for (const char* bad : {"", "[]", "{not json", R"({"channels":"sms"})", R"({"channels":[1]})",
                          R"({"reminder_hours":"24"})", R"({"templates":{"reminder":"x"}})",
                          R"({"templates":{"reminder":{"de":5}}})"}) {
    INFO(bad);
    auto s = notify::notification_settings_from_json(bad);
    REQUIRE_FALSE(s);
    CHECK(askpro::code_of(s.error()) == askpro::errc::invalid_argument);
  }
  CHECK_FALSE(notify::branch_notify_from_json(R"({"email":5})"));
  CHECK_FALSE(notify::branch_notify_from_json("null"));
}

TEST_CASE("a corrupt stored setting stops the tenant model", "[provision][notify]") {
  auto c = tenant::to_catalog(load(small_file));
  c.company.notifications = "{oops";
  CHECK_FALSE(tenant::make_tenant_model(c));
  c = tenant::to_catalog(load(small_file));
  c.branches[0].notify = R"({"phone":49})";
  auto m = tenant::make_tenant_model(c);
  REQUIRE_FALSE(m);
  CHECK(askpro::detail_of(m.error()) == "notify settings of b unreadable");
}

TEST_CASE("e-mail addresses that look plausible", "[notify]") {
  for (const char* ok : {"a@b.de", "first.last+tag@mail.example.org", "x@ü-mlaut.example"})
    CHECK(notify::plausible_email(ok));
  for (const char* bad :
       {"", "a", "a@b", "@b.de", "a@.de", "a@b.de.", "a@b_c.de", "a\"b@c.de", "a@b..de", "a @b.de"})
    CHECK_FALSE(notify::plausible_email(bad));
}
