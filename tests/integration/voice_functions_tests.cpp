// The functions beyond booking through the real edge and call sessions: check_customer,
// get_current_context with the caller's name, get_opening_hours, release_slot_reservation,
// collect_appointment_data and request_callback (SQLite and MariaDB).
#include "persistence/repo/callback_repo.hpp"
#include "persistence/repo/customer_repo.hpp"
#include "tests/integration/voice_fixture.hpp"

#include <catch2/catch.hpp>

using namespace askpro;
using namespace askpro::test;
using nlohmann::json;

namespace {

int64_t salon_id(const backend& db) {
  auto conn = db.connect();
  auto rs = expect_ok(conn->query("SELECT id FROM companies WHERE slug = 'salon'"));
  return expect_ok(rs[0].get<int64_t>("id"));
}

void add_customer(const backend& db, const std::string& phone, const std::string& name,
                  int64_t now) {
  auto conn = db.connect();
  expect_ok(persistence::find_or_create_customer(*conn, persistence::tenant_scope{salon_id(db)},
                                                 phone, name, now));
}

/// Closed on Tuesday 8 December, 10:00–14:00 on Friday 4 December (before the tenant loads).
void add_special_days(const backend& db) {
  auto conn = db.connect();
  auto company = salon_id(db);
  auto rs = expect_ok(conn->query("SELECT id FROM branches WHERE slug = 'mitte'"));
  auto branch = expect_ok(rs[0].get<int64_t>("id"));
  expect_ok(conn->execute(
      "INSERT INTO branch_closed_dates (company_id, branch_id, day) VALUES (?, ?, '2026-12-08')",
      {company, branch}));
  expect_ok(
      conn->execute("INSERT INTO branch_special_hours (company_id, branch_id, day, "
                    "start_min, end_min) VALUES (?, ?, '2026-12-04', 600, 840)",
                    {company, branch}));
}

json callback_row(const backend& db, const std::string& call_id) {
  auto conn = db.connect();
  auto rs = expect_ok(
      conn->query("SELECT company_id FROM callback_requests WHERE retell_call_id = ?", {call_id}));
  REQUIRE(rs.size() == 1);
  persistence::tenant_scope scope{expect_ok(rs[0].get<int64_t>("company_id"))};
  auto found = expect_ok(persistence::find_callback_of_call(*conn, scope, call_id));
  REQUIRE(found);
  const auto& r = *found;
  return {{"id", r.id},
          {"phone", r.phone_e164.value_or("")},
          {"name", r.name},
          {"reason", r.reason},
          {"preferred_time", r.preferred_time.value_or("-")},
          {"status", r.status},
          {"has_branch", r.branch_id.has_value()},
          {"customer_id", r.customer_id.value_or(0)}};
}

}  // namespace

VOICE_CASE("check_customer tells a known caller by name with upcoming appointments", "[customer]") {
  voice_node n{db};
  auto unknown = n.call("check_customer", json::object(), "call_cc");
  INFO(unknown.dump());
  REQUIRE(unknown["success"] == true);
  CHECK(unknown["data"]["known"] == false);
  CHECK_FALSE(unknown["data"].contains("customer_name"));

  auto booked =
      n.call("book_appointment",
             {{"date", "2026-12-03"}, {"time", "11:00"}, {"name", "Erika Muster"}}, "call_cc");
  REQUIRE(booked["success"] == true);
  {  // the booking is an audit event of the caller (its number's blind index), without its data
    auto rs =
        expect_ok(db.connect()->query("SELECT actor, correlation_id, payload FROM audit_events "
                                      "WHERE action = 'appointment.booked'"));
    REQUIRE(rs.size() == 1);
    const auto actor = *rs[0].get<std::string>(0);
    CHECK(actor.rfind("caller:", 0) == 0);
    CHECK(actor.size() == 7 + 64);
    CHECK(actor.find("4915112345678") == std::string::npos);
    CHECK(*rs[0].get<std::string>(1) == "call_cc");
    CHECK(rs[0].get<std::string>(2)->find("Erika") == std::string::npos);
  }
  auto known = n.call("check_customer_v2", json::object(), "call_cc");
  INFO(known.dump());
  REQUIRE(known["success"] == true);
  CHECK(known["data"]["known"] == true);
  CHECK(known["data"]["customer_name"] == "Erika Muster");
  CHECK(known["data"]["customer_id"] == booked["data"]["customer_id"]);
  REQUIRE(known["data"]["appointments"].size() == 1);
  CHECK(known["data"]["appointments"][0]["appointment_id"] == booked["data"]["appointment_id"]);
  CHECK(known["data"]["appointments"][0]["start"] == "2026-12-03T11:00:00+01:00");
  CHECK(known["message"].get<std::string>().find("Erika Muster") != std::string::npos);

  for (const char* hidden : {"anonymous", "", "private"}) {
    auto refused = n.call("check_customer", json::object(), "call_hidden", hidden);
    CHECK(refused["success"] == false);
    CHECK(refused["error"]["code"] == "caller_unknown");
  }
}

VOICE_CASE("get_current_context names a known caller and only a known one", "[customer]") {
  voice_node n{db};
  add_customer(db, caller_number, "Erika Muster", n.now_ms());
  auto ctx = n.call("initialize_call", json::object(), "call_ctx");
  INFO(ctx.dump());
  REQUIRE(ctx["success"] == true);
  CHECK(ctx["data"]["customer_name"] == "Erika Muster");
  CHECK(ctx["data"]["date"] == "2026-12-01");
  auto other = n.call("get_current_context", json::object(), "call_ctx2", "+4915199999999");
  REQUIRE(other["success"] == true);
  CHECK_FALSE(other["data"].contains("customer_name"));
  auto hidden = n.call("get_current_context", json::object(), "call_ctx3", "anonymous");
  REQUIRE(hidden["success"] == true);
  CHECK_FALSE(hidden["data"].contains("customer_name"));
}

VOICE_CASE("get_opening_hours speaks the week, the special days ahead and one date", "[hours]") {
  voice_node n{db};
  add_special_days(db);
  auto week = n.call("get_opening_hours", json::object(), "call_hours");
  INFO(week.dump());
  REQUIRE(week["success"] == true);
  CHECK(week["data"]["week"]["monday"] == json::array({{{"start", "09:00"}, {"end", "18:00"}}}));
  CHECK(week["data"]["week"]["sunday"] == json::array());
  REQUIRE(week["data"]["special_days"].size() == 2);
  CHECK(week["data"]["special_days"][0]["date"] == "2026-12-04");
  CHECK(week["data"]["special_days"][1] ==
        json({{"date", "2026-12-08"}, {"open", false}, {"hours", json::array()}}));
  auto msg = week["message"].get<std::string>();
  CHECK(msg.find("Montag bis Samstag 9 bis 18 Uhr, Sonntag geschlossen") != std::string::npos);
  CHECK(msg.find("Dienstag, dem 8. Dezember: geschlossen") != std::string::npos);
  CHECK(msg.find("{") == std::string::npos);

  auto friday = n.call("get_opening_hours", {{"datum", "04.12.2026"}}, "call_hours");
  INFO(friday.dump());
  REQUIRE(friday["success"] == true);
  CHECK(friday["data"]["open"] == true);
  CHECK(friday["data"]["hours"] == json::array({{{"start", "10:00"}, {"end", "14:00"}}}));
  CHECK(friday["message"] == "Am Freitag, dem 4. Dezember haben wir von 10 bis 14 Uhr geöffnet.");
  auto sunday = n.call("get_opening_hours", {{"date", "Sonntag"}}, "call_hours");
  CHECK(sunday["data"]["date"] == "2026-12-06");
  CHECK(sunday["data"]["open"] == false);
  auto nonsense = n.call("get_opening_hours", {{"date", "irgendwann mal"}}, "call_hours");
  CHECK(nonsense["success"] == false);
  CHECK(nonsense["error"]["code"] == "unparseable_date");
}

VOICE_CASE("a call releases only its own reservation and the slot is free again", "[reserve]") {
  voice_node n{db};
  const json slot{{"date", "2026-12-02"}, {"time", "16:00"}, {"staff", "anna"}};
  auto held = n.call("reserve_slot", slot, "call_rel");
  INFO(held.dump());
  REQUIRE(held["success"] == true);
  auto id = held["data"]["reservation_id"].get<std::string>();
  auto blocked = n.call("reserve_slot", slot, "call_other");
  CHECK(blocked["success"] == false);

  auto stranger = n.call("release_slot_reservation", {{"reservation_id", id}}, "call_other");
  CHECK(stranger["success"] == false);
  CHECK(stranger["error"]["code"] == "not_yours");
  auto missing = n.call("release_slot_reservation", {{"reservation_id", "999999"}}, "call_rel");
  CHECK(missing["error"]["code"] == "not_found");
  auto garbage = n.call("release_slot_reservation", {{"reservation_id", "abc"}}, "call_rel");
  CHECK(garbage["error"]["code"] == "not_found");

  auto released = n.call("release_slot_reservation", {{"reservation_id", id}}, "call_rel");
  INFO(released.dump());
  REQUIRE(released["success"] == true);
  CHECK(released["data"]["status"] == "released");
  auto again = n.call("release_slot_reservation", {{"reservation_id", id}}, "call_rel");
  CHECK(again == released);
  auto taken_now = n.call("reserve_slot", slot, "call_other");
  CHECK(taken_now["success"] == true);
}

VOICE_CASE("collect_appointment_data checks without and books with bestaetigung", "[collect]") {
  voice_node n{db};
  json args{{"datum", "02.12.2026"},
            {"uhrzeit", "14:30"},
            {"dienstleistung", "Haarschnitt"},
            {"name", "Max"},
            {"bestaetigung", "false"}};
  auto check = n.call("collect_appointment_data_v3", args, "call_collect");
  INFO(check.dump());
  REQUIRE(check["success"] == true);
  CHECK(check["data"]["available"] == true);
  CHECK(check["data"]["requested"] == "2026-12-02T14:30:00+01:00");
  CHECK(count_booked(db) == 0);
  args.erase("bestaetigung");
  CHECK(n.call("collect_appointment_data", args, "call_collect")["data"]["available"] == true);
  CHECK(count_booked(db) == 0);

  args["bestaetigung"] = "true";
  auto booked = n.call("collect_appointment_data", args, "call_collect");
  INFO(booked.dump());
  REQUIRE(booked["success"] == true);
  CHECK(booked["data"]["start"] == "2026-12-02T14:30:00+01:00");
  CHECK(booked["data"]["service"] == "cut");
  auto repeat = n.call("collect_appointment_data", args, "call_collect");
  CHECK(repeat["data"]["appointment_id"] == booked["data"]["appointment_id"]);
  CHECK(count_booked(db) == 1);
}

VOICE_CASE("request_callback stores one callback request per call", "[callback]") {
  voice_node n{db};
  auto asked = n.call("request_callback",
                      {{"name", "Erika"}, {"grund", "Frage zum Preis"}, {"rueckrufzeit", "morgen"}},
                      "call_cb");
  INFO(asked.dump());
  REQUIRE(asked["success"] == true);
  auto row = callback_row(db, "call_cb");
  CHECK(asked["data"]["callback_id"] == std::to_string(row["id"].get<int64_t>()));
  CHECK(row["phone"] == caller_number);
  CHECK(row["name"] == "Erika");
  CHECK(row["reason"] == "Frage zum Preis");
  CHECK(row["preferred_time"] == "morgen");
  CHECK(row["status"] == "open");
  CHECK(row["has_branch"] == true);
  auto again = n.call("request_callback", {{"name", "Erika"}}, "call_cb");
  CHECK(again["data"]["callback_id"] == asked["data"]["callback_id"]);
  CHECK(count_rows(db, "callback_requests") == 1);

  auto hidden = n.call("request_callback", {{"name", "Anonym"}}, "call_cb_hidden", "anonymous");
  CHECK(hidden["success"] == false);
  CHECK(hidden["error"]["code"] == "phone_required");
  auto given = n.call("request_callback", {{"telefonnummer", "0151 76543210"}}, "call_cb_hidden",
                      "anonymous");
  INFO(given.dump());
  REQUIRE(given["success"] == true);
  CHECK(callback_row(db, "call_cb_hidden")["phone"] == "+4915176543210");
  CHECK(callback_row(db, "call_cb_hidden")["preferred_time"] == "-");  // none named: NULL
  CHECK(count_rows(db, "callback_requests") == 2);
}
