// Cal.com's webhooks (SQLite and MariaDB): the signature is checked before anything is read or
// stored, PING answers, bookings made directly in Cal.com appear locally and their cancel,
// reschedule and no-show follow; a redelivery and the echo of our own booking change nothing;
// an unknown connection is 404 and another tenant never sees these appointments.
#include "net/calcom/signature.hpp"
#include "net/calcom/webhook_routes.hpp"
#include "persistence/repo/inbox_repo.hpp"
#include "tests/integration/calcom_fixture.hpp"

#include <catch2/catch.hpp>

namespace {

using namespace askpro::test;
using nlohmann::json;

json created(const std::string& uid, const std::string& start, const std::string& end) {
  return hook("BOOKING_CREATED", {{"uid", uid},
                                  {"bookingId", 77},
                                  {"eventTypeId", 1201},
                                  {"startTime", start},
                                  {"endTime", end},
                                  {"status", "ACCEPTED"},
                                  {"attendees", json::array({{{"name", "Walk In"},
                                                              {"email", "walk@example.org"},
                                                              {"phoneNumber", "+4915177777777"},
                                                              {"timeZone", "Europe/Berlin"}}})},
                                  {"metadata", json::object()}});
}

int64_t status_code(const httplib::Result& r) {
  REQUIRE(r);
  return r->status;
}

}  // namespace

VOICE_CASE("Cal.com webhooks: signature, PING and an unknown connection", "[calcom][webhook]") {
  calcom_env env{db};
  auto body = created("uid-ui-1", "2026-12-03T09:00:00.000Z", "2026-12-03T09:30:00.000Z");
  CHECK(status_code(env.webhook("salon", "mitte", body, "")) == 401);
  CHECK(status_code(env.webhook("salon", "mitte", body, "wrong-secret")) == 401);
  CHECK(status_code(env.webhook("salon", "mitte", body, other_hook_secret)) == 401);
  CHECK(count_rows(db, "webhook_inbox") == 0);
  CHECK(count_rows(db, "appointments") == 0);

  auto ping = env.webhook("salon", "mitte", hook("PING", json::object()), salon_hook_secret);
  CHECK(status_code(ping) == 200);
  CHECK(status_code(env.webhook("nobody", "mitte", body, salon_hook_secret)) == 404);
  CHECK(status_code(env.webhook("salon", "nowhere", body, salon_hook_secret)) == 404);
  auto broken = env.node->post_raw("/webhooks/calcom/salon/mitte", "{not json",
                                   {{"X-Cal-Signature-256", "0"}});
  CHECK(status_code(broken) == 401);  // verified before parsing
  // Signed but unreadable: 400 naming the problem, nothing stored.
  auto signed_broken = env.node->post_raw(
      "/webhooks/calcom/salon/mitte", "{not json",
      {{"X-Cal-Signature-256", askpro::net::calcom::sign(salon_hook_secret, "{not json")}});
  CHECK(status_code(signed_broken) == 400);
  auto no_uid = hook("BOOKING_CREATED", {{"eventTypeId", 1201}});
  CHECK(status_code(env.webhook("salon", "mitte", no_uid, salon_hook_secret)) == 400);
  CHECK(count_rows(db, "webhook_inbox") == 0);
}

VOICE_CASE("Cal.com webhooks: created, duplicate, rescheduled, no-show and cancelled",
           "[calcom][webhook]") {
  calcom_env env{db};
  auto body = created("uid-ui-1", "2026-12-03T09:00:00.000Z", "2026-12-03T09:30:00.000Z");
  auto first = env.webhook("salon", "mitte", body, salon_hook_secret);
  REQUIRE(status_code(first) == 200);
  CHECK(json::parse(first->body)["effect"] == "created");
  auto row = appointment_by_uid(db, "uid-ui-1");
  REQUIRE(row != nullptr);
  CHECK(row["source"] == "calcom");
  CHECK(row["status"] == "booked");
  CHECK(row["start_at"] == 1796288400000);  // 2026-12-03T09:00:00Z

  auto again = env.webhook("salon", "mitte", body, salon_hook_secret);
  CHECK(json::parse(again->body)["effect"] == "duplicate");
  CHECK(count_rows(db, "appointments") == 1);

  auto moved = hook("BOOKING_RESCHEDULED", {{"uid", "uid-ui-2"},
                                            {"rescheduleUid", "uid-ui-1"},
                                            {"eventTypeId", 1201},
                                            {"startTime", "2026-12-03T13:00:00.000Z"},
                                            {"endTime", "2026-12-03T13:30:00.000Z"},
                                            {"status", "ACCEPTED"}});
  CHECK(json::parse(env.webhook("salon", "mitte", moved, salon_hook_secret)->body)["effect"] ==
        "moved");
  CHECK(appointment_by_uid(db, "uid-ui-1")["status"] == "rescheduled");
  CHECK(appointment_by_uid(db, "uid-ui-2")["start_at"] == 1796302800000);

  auto absent =
      hook("BOOKING_NO_SHOW_UPDATED",
           {{"uid", "uid-ui-2"},
            {"bookingId", 78},
            {"attendees", json::array({{{"email", "walk@example.org"}, {"noShow", true}}})}});
  CHECK(json::parse(env.webhook("salon", "mitte", absent, salon_hook_secret)->body)["effect"] ==
        "no_show");
  CHECK(appointment_by_uid(db, "uid-ui-2")["status"] == "no_show");

  auto made = created("uid-ui-3", "2026-12-04T09:00:00.000Z", "2026-12-04T09:30:00.000Z");
  env.webhook("salon", "mitte", made, salon_hook_secret);
  auto cancel = hook("BOOKING_CANCELLED", {{"uid", "uid-ui-3"},
                                           {"eventTypeId", 1201},
                                           {"startTime", "2026-12-04T09:00:00.000Z"},
                                           {"endTime", "2026-12-04T09:30:00.000Z"},
                                           {"cancellationReason", "ill"}});
  CHECK(json::parse(env.webhook("salon", "mitte", cancel, salon_hook_secret)->body)["effect"] ==
        "cancelled");
  CHECK(appointment_by_uid(db, "uid-ui-3")["status"] == "cancelled");
}

VOICE_CASE("Cal.com webhooks: the echo of our own booking changes nothing", "[calcom][webhook]") {
  calcom_env env{db};
  auto booked = env.node->call(
      "book_appointment",
      {{"date", "2026-12-02"}, {"time", "10:00"}, {"service", "cut"}, {"name", "Erika"}},
      "call_echo");
  REQUIRE(booked["success"] == true);
  auto ours = env.fake_bookings()[0];
  auto echo = created(ours["uid"], "2026-12-02T09:00:00.000Z", "2026-12-02T09:30:00.000Z");
  echo["payload"]["metadata"] = ours["metadata"];
  auto r = env.webhook("salon", "mitte", echo, salon_hook_secret);
  CHECK(json::parse(r->body)["effect"] == "unchanged");
  CHECK(count_rows(db, "appointments") == 1);
  CHECK(appointment_by_uid(db, ours["uid"])["source"] == "phone");
}

VOICE_CASE("Cal.com webhooks: another tenant never sees or changes these appointments",
           "[calcom][webhook]") {
  calcom_env env{db};
  auto body = created("uid-a", "2026-12-03T09:00:00.000Z", "2026-12-03T09:30:00.000Z");
  REQUIRE(status_code(env.webhook("salon", "mitte", body, salon_hook_secret)) == 200);
  auto salon_row = appointment_by_uid(db, "uid-a");
  // The other tenant's hook, correctly signed with its own secret, names salon's uid.
  auto cancel = hook("BOOKING_CANCELLED", {{"uid", "uid-a"},
                                           {"eventTypeId", 1301},
                                           {"startTime", "2026-12-03T09:00:00.000Z"},
                                           {"endTime", "2026-12-03T09:30:00.000Z"}});
  auto r = env.webhook("other", "zentrum", cancel, other_hook_secret);
  REQUIRE(status_code(r) == 200);
  CHECK(json::parse(r->body)["effect"] == "unchanged");
  CHECK(appointment_by_uid(db, "uid-a")["status"] == "booked");
  // Salon's hook signed with salon's secret cannot be sent to the other tenant's connection.
  CHECK(status_code(env.webhook("other", "zentrum", body, salon_hook_secret)) == 401);
  auto conn = db.connect();
  auto rs = expect_ok(conn->query("SELECT COUNT(*) AS n FROM appointments WHERE company_id <> ?",
                                  {salon_row["company_id"].get<int64_t>()}));
  CHECK(expect_ok(rs[0].get<int64_t>("n")) == 0);
}

VOICE_CASE("Cal.com webhooks recorded but not applied are applied by the start-up replay",
           "[calcom][webhook][replay]") {
  calcom_env env{db};
  // A crash after recording: the inbox row is there, unprocessed, nothing applied.
  auto body = created("uid-replay", "2026-12-03T09:00:00.000Z", "2026-12-03T09:30:00.000Z");
  {
    auto conn = db.connect();
    auto rec = expect_ok(askpro::persistence::record_event(
        *conn, "calcom", "salon/mitte/uid-replay", "BOOKING_CREATED", body.dump(), 1));
    REQUIRE(rec.fresh);
    expect_ok(askpro::persistence::record_event(*conn, "calcom", "gone/nowhere/uid-x",
                                                "BOOKING_CREATED", body.dump(), 1));
  }
  askpro::actors::calendar::event_deps deps{
      &env.node->sys(), env.node->registry(),
      askpro::runtime::clock_ptr{&env.node->clock(), [](const askpro::runtime::clock*) {}}};
  auto report = expect_ok(
      askpro::actors::calendar::replay_external_events(deps, askpro::net::calcom::decode_stored));
  CHECK(report.applied == 1);
  CHECK(report.dropped == 1);  // its tenant does not exist
  CHECK(appointment_by_uid(db, "uid-replay")["source"] == "calcom");
  auto again = expect_ok(
      askpro::actors::calendar::replay_external_events(deps, askpro::net::calcom::decode_stored));
  CHECK(again.applied + again.dropped + again.failed == 0);
  // A redelivery after the replay changes nothing.
  auto r = env.webhook("salon", "mitte", body, salon_hook_secret);
  CHECK(json::parse(r->body)["effect"] == "duplicate");
  CHECK(count_rows(db, "appointments") == 1);
}
