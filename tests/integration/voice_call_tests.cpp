// Whole calls through the real edge and the call-session actors: events and functions, their
// redelivery, AskPro-style arguments, the caller's own appointments and a booking race
// (SQLite and MariaDB).
#include "persistence/repo/call_repo.hpp"
#include "tests/integration/voice_fixture.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

using namespace askpro;
using namespace askpro::test;
using fakes::retell_client;
using nlohmann::json;

namespace {

json call_row(const backend& db, const std::string& call_id) {
  auto conn = db.connect();
  auto rs =
      expect_ok(conn->query("SELECT company_id FROM calls WHERE retell_call_id = ?", {call_id}));
  REQUIRE(rs.size() == 1);
  persistence::tenant_scope scope{expect_ok(rs[0].get<int64_t>("company_id"))};
  auto found = expect_ok(persistence::find_call(*conn, scope, call_id));
  REQUIRE(found);
  const auto& r = *found;
  return {{"status", r.status},
          {"duration_ms", r.duration_ms.value_or(-1)},
          {"reason", r.disconnection_reason.value_or("")},
          {"summary", r.summary.value_or("")},
          {"sentiment", r.sentiment.value_or("")},
          {"successful", r.successful ? int64_t{*r.successful ? 1 : 0} : int64_t{-1}}};
}

const json ended_fields{{"call_status", "ended"},
                        {"start_timestamp", 1764576000000},
                        {"end_timestamp", 1764576090000},
                        {"duration_ms", 90000},
                        {"disconnection_reason", "user_hangup"},
                        {"transcript", "Agent: Hallo"}};

json analyzed_fields() {
  auto f = ended_fields;
  f["call_analysis"] = {{"call_summary", "Termin gebucht"},
                        {"user_sentiment", "Positive"},
                        {"call_successful", true}};
  return f;
}

}  // namespace

VOICE_CASE("a whole call end to end and every event and function redelivered", "[call]") {
  voice_node n{db};
  const std::string id = "call_e2e";
  auto play = [&] {
    auto in = n.post("/webhooks/retell", retell_client::inbound(caller_number, salon_number));
    REQUIRE(in);
    REQUIRE(in->status == 200);
    post_event(n, "call_started", id, {{"start_timestamp", 1764576000000}});
    auto check = n.call("check_availability",
                        {{"date", "2026-12-02"}, {"time", "10:00"}, {"service", "cut"}}, id);
    INFO(check.dump());
    CHECK(check["success"] == true);
    CHECK(check["data"]["available"] == true);
    CHECK(check["data"]["requested"] == "2026-12-02T10:00:00+01:00");
    auto booked = n.call(
        "book_appointment",
        {{"date", "2026-12-02"}, {"time", "10:00"}, {"service", "cut"}, {"name", "Erika"}}, id);
    INFO(booked.dump());
    REQUIRE(booked["success"] == true);
    CHECK(booked["data"]["start"] == "2026-12-02T10:00:00+01:00");
    CHECK(booked["data"]["end"] == "2026-12-02T10:30:00+01:00");
    auto query = n.call("query_appointment", json::object(), id);
    INFO(query.dump());
    REQUIRE(query["data"]["appointments"].size() == 1);
    CHECK(query["data"]["appointments"][0]["appointment_id"] == booked["data"]["appointment_id"]);
    post_event(n, "call_ended", id, ended_fields);
    post_event(n, "call_analyzed", id, analyzed_fields());
    return booked["data"]["appointment_id"].get<std::string>();
  };
  auto first = play();
  auto row = call_row(db, id);
  CHECK(row["status"] == "ended");
  CHECK(row["duration_ms"] == 90000);
  CHECK(row["reason"] == "user_hangup");
  CHECK(row["summary"] == "Termin gebucht");
  CHECK(row["sentiment"] == "Positive");
  CHECK(row["successful"] == 1);
  auto inbox = count_rows(db, "webhook_inbox");

  // Everything again (Retell retries, the LLM repeats itself): nothing new.
  auto second = play();
  CHECK(second == first);
  auto changed = ended_fields;
  changed["disconnection_reason"] = "agent_hangup";
  post_event(n, "call_ended", id, changed);
  CHECK(call_row(db, id)["reason"] == "user_hangup");
  CHECK(count_rows(db, "calls") == 1);
  CHECK(count_booked(db) == 1);
  CHECK(count_rows(db, "webhook_inbox") == inbox);  // the inbound was signed at the same ms
}

VOICE_CASE("AskPro-style arguments, versioned names and placeholder call ids", "[args]") {
  voice_node n{db};
  auto booked = n.call("book_appointment_v17",
                       {{"datum", "02.12.2026"},
                        {"uhrzeit", "14:30"},
                        {"dienstleistung", "Haarschnitt"},
                        {"customer_name", "Max"},
                        {"call_id", "None"}},
                       "call_askpro");
  INFO(booked.dump());
  REQUIRE(booked["success"] == true);
  CHECK(booked["data"]["start"] == "2026-12-02T14:30:00+01:00");
  CHECK(booked["message"].get<std::string>().find("{") == std::string::npos);
  // The tenant's locale is de-DE: a German sentence with the time spoken naturally.
  CHECK(booked["message"].get<std::string>().find("Dezember") != std::string::npos);
  CHECK(booked["message"].get<std::string>().find("14:30 Uhr") != std::string::npos);
  auto parsed = n.call("parse_date_v2", {{"text", "morgen um halb drei"}}, "call_askpro");
  CHECK(parsed["data"]["date"] == "2026-12-02");
  CHECK(parsed["data"]["time"] == "14:30");
  auto ctx = n.call("current_time_berlin", {{"call_id", "current"}}, "call_askpro");
  CHECK(ctx["data"]["date"] == "2026-12-01");
  CHECK(ctx["data"]["tenant"] == "Salon Test");
  auto unknown = n.call("order_pizza", json::object(), "call_askpro");
  CHECK(unknown["success"] == false);
  CHECK(unknown["error"]["code"] == "unknown_function");
  auto bad =
      n.call("check_availability", {{"datum", "Blumenkohl"}, {"uhrzeit", "10:00"}}, "call_askpro");
  CHECK(bad["error"]["code"] == "unparseable_date");
  CHECK(count_rows(db, "calls") == 0);  // functions alone open no call row (events do)
}

VOICE_CASE("only the caller's own appointments are moved or cancelled", "[own]") {
  voice_node n{db};
  auto booked = n.call("book_appointment", {{"date", "2026-12-02"}, {"time", "11:00"}}, "call_a");
  REQUIRE(booked["success"] == true);
  auto id = booked["data"]["appointment_id"].get<std::string>();
  auto stranger = n.call("cancel_appointment", {{"appointment_id", id}}, "call_b", "+4915199999");
  CHECK(stranger["success"] == false);
  auto hidden = n.call("query_appointment", json::object(), "call_c", "anonymous");
  CHECK(hidden["error"]["code"] == "caller_unknown");
  auto nophone = n.call("book_appointment", {{"date", "2026-12-02"}, {"time", "12:00"}}, "call_c",
                        "anonymous");
  CHECK(nophone["error"]["code"] == "phone_required");
  auto moved = n.call("reschedule_appointment", {{"new_date", "2026-12-02"}, {"new_time", "15:00"}},
                      "call_d");
  INFO(moved.dump());
  REQUIRE(moved["success"] == true);
  CHECK(moved["data"]["start"] == "2026-12-02T15:00:00+01:00");
  auto cancelled = n.call("cancel_appointment", {{"date", "2026-12-02"}}, "call_d");
  INFO(cancelled.dump());
  REQUIRE(cancelled["success"] == true);
  CHECK(cancelled["data"]["status"] == "cancelled");
  auto again = n.call("cancel_appointment", {{"date", "2026-12-02"}}, "call_d");
  CHECK(again == cancelled);
  CHECK(count_booked(db) == 0);
}

VOICE_CASE("a slot reserved in a call is booked by the same call", "[reserve]") {
  voice_node n{db};
  auto held = n.call("reserve_slot", {{"date", "2026-12-02"}, {"time", "16:00"}}, "call_hold");
  INFO(held.dump());
  REQUIRE(held["success"] == true);
  CHECK(held["data"]["start"] == "2026-12-02T16:00:00+01:00");
  // Another call cannot take the held slot's staff member, and sees it as taken for both.
  auto other = n.call("book_appointment",
                      {{"date", "2026-12-02"}, {"time", "16:00"}, {"staff", held["data"]["staff"]}},
                      "call_other", "+4915122222222");
  CHECK(other["error"]["code"] == "slot_taken");
  auto booked =
      n.call("book_appointment", {{"date", "2026-12-02"}, {"time", "16:00"}}, "call_hold");
  INFO(booked.dump());
  REQUIRE(booked["success"] == true);
  CHECK(booked["data"]["staff"] == held["data"]["staff"]);
  auto next = n.call("find_next_available", {{"date", "2026-12-02"}, {"time", "16:00"}}, "call_x");
  INFO(next.dump());
  REQUIRE(next["success"] == true);
  CHECK(next["data"]["start"] == "2026-12-02T16:00:00+01:00");  // the other staff member
  CHECK(next["data"]["staff"] != held["data"]["staff"]);
}

VOICE_CASE("40 concurrent bookings of one slot from different calls: one wins", "[race]") {
  voice_node n{db};
  std::atomic<int> won{0}, taken{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 40; ++i)
    threads.emplace_back([&, i] {
      auto body = retell_client::function(
          "book_appointment",
          {{"date", "2026-12-03"}, {"time", "11:00"}, {"service", "cut"}, {"staff", "anna"}},
          "call_race_" + std::to_string(i), salon_number, salon_number);
      body["call"]["from_number"] = "+49151000000" + std::to_string(10 + i);
      auto res = n.client().post("/webhooks/retell/functions", body.dump(), n.now_ms());
      if (!res || res->status != 200) return void(++other);
      auto j = json::parse(res->body);
      if (j["success"] == true)
        ++won;
      else if (j["error"]["code"] == "slot_taken")
        ++taken;
      else
        ++other;
    });
  for (auto& t : threads) t.join();
  CHECK(won == 1);
  CHECK(taken == 39);
  CHECK(other == 0);
  CHECK(count_booked(db) == 1);
}

VOICE_CASE("a cancel by a date with two of the caller's appointments asks which one", "[own]") {
  voice_node n{db};
  for (const char* time : {"10:00", "14:00"}) {
    auto booked = n.call("book_appointment", {{"date", "2026-12-02"}, {"time", time}}, "call_two");
    REQUIRE(booked["success"] == true);
  }
  auto ambiguous = n.call("cancel_appointment", {{"date", "2026-12-02"}}, "call_two");
  INFO(ambiguous.dump());
  CHECK(ambiguous["success"] == false);
  CHECK(ambiguous["error"]["code"] == "invalid_argument");
  CHECK(count_booked(db) == 2);
}
