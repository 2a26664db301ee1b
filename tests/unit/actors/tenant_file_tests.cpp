// The demo tenant file: it passes validation and means what it says.
#include "actors/booking/availability.hpp"
#include "actors/booking/matching.hpp"
#include "actors/tenant/tenant_file.hpp"
#include "engine_fixture.hpp"

#include <catch2/catch.hpp>

using namespace askpro::actors;
using namespace askpro::actors::booking::test;
using booking::minutes;

namespace {

tenant::tenant_document demo() {
  auto doc = tenant::load_tenant_file(std::string{ASKPRO_SOURCE_DIR} + "/config/demo-tenant.json");
  if (!doc) FAIL(askpro::describe(doc.error()));
  return *doc;
}

}  // namespace

TEST_CASE("the demo tenant file is valid", "[tenant_file]") {
  auto doc = demo();
  CHECK(doc.tenant.slug == "salon-lindenblatt");
  CHECK(doc.tenant.locale == "de");
  CHECK(doc.tenant.country == "DE");
  CHECK(doc.tenant.retell_api_key.rfind("key_demo_", 0) == 0);
  CHECK(doc.tenant.booking.slot_step == minutes{15});
  CHECK(doc.tenant.booking.reservation_ttl == std::chrono::seconds{300});
  CHECK(doc.tenant.billing.price_per_minute_cents == 29);
  CHECK(doc.branches.size() == 2);
  CHECK(doc.services.size() == 5);
  CHECK(doc.staff.size() == 4);
}

TEST_CASE("the demo branches carry E.164 numbers, hours and holidays", "[tenant_file]") {
  auto doc = demo();
  const auto* mitte = doc.find_branch("mitte");
  REQUIRE(mitte != nullptr);
  CHECK(mitte->phone_numbers == std::vector<std::string>{"+493091204410"});
  CHECK(mitte->hours.time_zone == "Europe/Berlin");
  CHECK(mitte->hours.week.days[1] == booking::day_hours{{540, 780}, {840, 1080}});
  CHECK(mitte->hours.week.days[6].empty());
  for (auto d : {day(2026, 12, 24), day(2026, 12, 25), day(2026, 12, 26), day(2027, 1, 1)})
    CHECK(mitte->hours.closed.count(d) == 1);
  CHECK(mitte->hours.special.at(day(2026, 12, 31)) == booking::day_hours{{540, 780}});
  CHECK(mitte->calendar.provider == "internal");
  const auto* pberg = doc.find_branch("prenzlauer-berg");
  REQUIRE(pberg != nullptr);
  CHECK(pberg->phone_numbers == std::vector<std::string>{"+493044318820", "+493044318821"});
  CHECK(doc.find_branch("nowhere") == nullptr);
}

TEST_CASE("the demo services and staff", "[tenant_file]") {
  auto doc = demo();
  auto faerben = booking::match_service(doc.services, "Haare färben");
  REQUIRE(faerben);
  CHECK((*faerben)->slug == "faerben");
  CHECK((*faerben)->duration == minutes{90});
  CHECK((*faerben)->buffer_before == minutes{10});
  CHECK((*faerben)->price_cents == 6900);
  CHECK((*booking::match_service(doc.services, "Faerben"))->slug == "faerben");
  auto staff = doc.staff_of("mitte");
  REQUIRE(staff.size() == 2);
  CHECK(staff[0].slug == "anna");
  CHECK_FALSE(staff[0].hours);
  REQUIRE(staff[1].hours);
  CHECK(staff[1].hours->days[3] == booking::day_hours{{720, 1200}});
  CHECK(staff[1].hours->days[0].empty());
}

TEST_CASE("the demo tenant drives the engine", "[tenant_file]") {
  auto doc = demo();
  const auto& mitte = *doc.find_branch("mitte");
  auto staff = doc.staff_of("mitte");
  booking::busy_index busy;
  booking::availability_context ctx{mitte.hours, staff, busy, doc.tenant.booking,
                                    utc(2026, 12, 1, 8)};
  const auto& cut = **booking::match_service(doc.services, "Herrenhaarschnitt");
  auto eve = booking::slots(ctx, {cut, std::nullopt}, day(2026, 12, 31), day(2027, 1, 2));
  REQUIRE(eve);
  CHECK(local_starts(*eve) == every("09:00", "12:15"));  // special hours, New Year closed
  auto ben = booking::slots(ctx, {cut, std::string{"ben"}}, day(2026, 12, 31), day(2027, 1, 1));
  REQUIRE(ben);
  CHECK(local_starts(*ben) == every("12:00", "12:15"));  // own Thursday hours from 12:00
  auto xmas = booking::slots(ctx, {cut, std::nullopt}, day(2026, 12, 24), day(2026, 12, 27));
  REQUIRE(xmas);
  CHECK(xmas->empty());
}
