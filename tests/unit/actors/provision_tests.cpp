// to_catalog: the tenant file as catalog rows.
#include "actors/tenant/provision.hpp"

#include "actors/tenant/catalog_model.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace askpro::actors;

namespace {

askpro::persistence::tenant_catalog demo_catalog() {
  auto doc = tenant::load_tenant_file(std::string{ASKPRO_SOURCE_DIR} + "/config/demo-tenant.json");
  if (!doc) FAIL(askpro::describe(doc.error()));
  return tenant::to_catalog(*doc);
}

const std::string calcom_file = R"({
  "slug": "s", "name": "S", "timezone": "Europe/Berlin", "locale": "en", "country": "DE",
  "branches": [{"slug": "b", "name": "B", "hours": {"mon": [["09:00", "12:00"]]},
    "calendar": {"provider": "calcom", "api_key": "cal_key", "webhook_secret": "whsec"}}],
  "services": [{"slug": "x", "name": "X", "duration_min": 30, "price_cents": 100}],
  "staff": [{"slug": "p", "name": "P", "branch": "b", "services": ["x"], "calcom_user": "p-cal"}]
})";

}  // namespace

TEST_CASE("to_catalog maps the demo company and its booking and billing blocks", "[provision]") {
  auto c = demo_catalog();
  CHECK(c.company.slug == "salon-lindenblatt");
  CHECK(c.company.time_zone == "Europe/Berlin");
  CHECK(c.company.slot_step_min == 15);
  CHECK(c.company.min_notice_min == 60);
  CHECK(c.company.horizon_days == 60);
  CHECK(c.company.reservation_ttl_s == 300);
  CHECK(c.company.price_per_minute_cents == 29);
  CHECK(c.company.billing_rounding == "minute");
  CHECK(c.company.low_balance_cents == 1000);
  CHECK(c.company.balance_cents == 0);
  CHECK(c.company.transcript_days == 0);  // the demo keeps transcripts
  auto doc = nlohmann::json::parse(calcom_file);
  doc["retention"] = {{"transcript_days", 90}};
  auto parsed = tenant::parse_tenant_file(doc.dump());
  REQUIRE(parsed);
  CHECK(tenant::to_catalog(*parsed).company.transcript_days == 90);
}

TEST_CASE("to_catalog turns branch hours, dates and numbers into rows", "[provision]") {
  auto c = demo_catalog();
  REQUIRE(c.branches.size() == 2);
  const auto& mitte = c.branches[0];
  CHECK(mitte.slug == "mitte");
  CHECK(mitte.calendar_provider == "internal");
  CHECK(mitte.calendar_config == "{}");
  CHECK(mitte.phone_numbers == std::vector<std::string>{"+493091204410"});
  REQUIRE(mitte.hours.size() == 8);  // tue 2, wed 2, thu 2, fri 1, sat 1; mon and sun closed
  CHECK(mitte.hours.front().weekday == 1);
  CHECK(mitte.hours.front().start_min == 9 * 60);
  CHECK(mitte.hours.front().end_min == 13 * 60);
  CHECK(mitte.hours.back().weekday == 5);
  CHECK(mitte.closed ==
        std::vector<std::string>{"2026-12-24", "2026-12-25", "2026-12-26", "2027-01-01"});
  REQUIRE(mitte.special.size() == 1);
  CHECK(mitte.special[0].day == "2026-12-31");
  CHECK(mitte.special[0].intervals == std::vector<std::pair<int, int>>{{540, 780}});
  CHECK(c.branches[1].special.size() == 2);
}

TEST_CASE("to_catalog maps services and staff with and without own hours", "[provision]") {
  auto c = demo_catalog();
  REQUIRE(c.services.size() == 5);
  CHECK(c.services[2].slug == "faerben");
  CHECK(c.services[2].duration_min == 90);
  CHECK(c.services[2].buffer_before_min == 10);
  CHECK(c.services[2].synonyms.size() == 4);
  REQUIRE(c.staff.size() == 4);
  CHECK(c.staff[0].slug == "anna");
  CHECK_FALSE(c.staff[0].own_hours);
  CHECK(c.staff[0].hours.empty());
  CHECK(c.staff[0].service_slugs.size() == 4);
  CHECK(c.staff[1].own_hours);
  CHECK(c.staff[1].branch_slug == "mitte");
  CHECK(c.staff[1].hours.size() == 4);
}

TEST_CASE("to_catalog keeps calendar credentials as JSON config", "[provision]") {
  auto doc = tenant::parse_tenant_file(calcom_file);
  if (!doc) FAIL(askpro::describe(doc.error()));
  auto c = tenant::to_catalog(*doc);
  REQUIRE(c.branches.size() == 1);
  CHECK(c.branches[0].calendar_provider == "calcom");
  CHECK(c.branches[0].time_zone == "Europe/Berlin");
  auto config = nlohmann::json::parse(c.branches[0].calendar_config);
  CHECK(config["api_key"] == "cal_key");
  CHECK(config["webhook_secret"] == "whsec");
  CHECK_FALSE(config.contains("base_url"));
  CHECK(tenant::to_catalog(*doc).branches[0].calendar_config == c.branches[0].calendar_config);
  CHECK(c.staff[0].calcom_user == std::optional<std::string>{"p-cal"});
}

TEST_CASE("the tenant model carries a Cal.com branch's connection; a corrupt one is refused",
          "[provision]") {
  auto doc = tenant::parse_tenant_file(calcom_file);
  if (!doc) FAIL(askpro::describe(doc.error()));
  auto c = tenant::to_catalog(*doc);
  auto m = tenant::make_tenant_model(c);
  REQUIRE(m);
  REQUIRE(m->branches.size() == 1);
  const auto& cal = m->branches[0].calendar;
  CHECK(cal.calcom());
  CHECK(cal.api_key == "cal_key");
  CHECK(cal.webhook_secret == "whsec");
  CHECK(cal.base_url.empty());
  c.branches[0].calendar_config = "{not json";
  CHECK_FALSE(tenant::make_tenant_model(c));
  c.branches[0].calendar_config = R"({"webhook_secret":"w"})";
  CHECK_FALSE(tenant::make_tenant_model(c));
  c.branches[0].calendar_provider = "internal";
  auto internal = tenant::make_tenant_model(c);
  REQUIRE(internal);
  CHECK_FALSE(internal->branches[0].calendar.calcom());
}
