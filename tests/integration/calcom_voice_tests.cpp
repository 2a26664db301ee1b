// Voice functions on a Cal.com branch end to end (SQLite and MariaDB): the fake Cal.com's store
// and the local rows agree after check, book, retries, reschedule and cancel; a slot taken at
// Cal.com answers slot_taken with alternatives and records nothing; a booking Cal.com accepted
// whose local row was lost is found again, never booked twice.
#include "tests/integration/calcom_fixture.hpp"

#include <catch2/catch.hpp>

namespace {

using namespace askpro::test;
using nlohmann::json;

const json wed_10{{"date", "2026-12-02"}, {"time", "10:00"}, {"service", "cut"}, {"name", "Erika"}};
constexpr int64_t wed_10_utc = 1796202000000;  // 2026-12-02T09:00:00Z

json live_bookings(calcom_env& env) {
  json out = json::array();
  for (const auto& b : env.fake_bookings())
    if (b["status"] == "accepted") out.push_back(b);
  return out;
}

}  // namespace

VOICE_CASE("Cal.com branch: check, book, retries, reschedule and cancel agree with Cal.com",
           "[calcom]") {
  calcom_env env{db};
  auto& n = *env.node;
  auto check = n.call("check_availability", wed_10, "call_cal");
  INFO(check.dump());
  CHECK(check["data"]["available"] == true);

  auto booked = n.call("book_appointment", wed_10, "call_cal");
  INFO(booked.dump());
  REQUIRE(booked["success"] == true);
  CHECK(booked["data"]["start"] == "2026-12-02T10:00:00+01:00");
  auto live = live_bookings(env);
  REQUIRE(live.size() == 1);
  const auto uid = live[0]["uid"].get<std::string>();
  CHECK(live[0]["metadata"].contains("askpro_request_key"));
  auto attendee = live[0]["attendees"][0];
  CHECK(attendee["phoneNumber"] == caller_number);
  CHECK(attendee["email"].get<std::string>().find(".invalid") != std::string::npos);
  auto row = appointment_by_uid(db, uid);
  REQUIRE(row != nullptr);
  CHECK(row["source"] == "phone");
  CHECK(row["start_at"] == wed_10_utc);
  CHECK(std::to_string(row["id"].get<int64_t>()) == booked["data"]["appointment_id"]);

  // Retell retries and the LLM repeats itself: the same appointment, one Cal.com booking.
  for (int i = 0; i < 3; ++i) {
    auto again = n.call("book_appointment", wed_10, "call_cal");
    CHECK(again["data"]["appointment_id"] == booked["data"]["appointment_id"]);
  }
  CHECK(live_bookings(env).size() == 1);
  CHECK(count_booked(db) == 1);

  // The slot just booked is no longer offered (the cache was dropped by the booking).
  auto after = n.call("check_availability", wed_10, "call_cal2", "+4915199999999");
  CHECK(after["data"]["available"] == false);

  auto moved = n.call("reschedule_appointment",
                      {{"appointment_id", booked["data"]["appointment_id"]},
                       {"new_date", "2026-12-02"},
                       {"new_time", "11:00"}},
                      "call_cal");
  INFO(moved.dump());
  REQUIRE(moved["success"] == true);
  live = live_bookings(env);
  REQUIRE(live.size() == 1);
  const auto new_uid = live[0]["uid"].get<std::string>();
  CHECK(new_uid != uid);
  CHECK(live[0]["start"] == "2026-12-02T10:00:00.000Z");
  CHECK(appointment_by_uid(db, uid)["status"] == "rescheduled");
  CHECK(appointment_by_uid(db, new_uid)["status"] == "booked");
  CHECK(std::to_string(appointment_by_uid(db, new_uid)["id"].get<int64_t>()) ==
        moved["data"]["appointment_id"]);
  // The same reschedule again changes nothing at Cal.com.
  auto moved_again = n.call("reschedule_appointment",
                            {{"appointment_id", booked["data"]["appointment_id"]},
                             {"new_date", "2026-12-02"},
                             {"new_time", "11:00"}},
                            "call_cal");
  CHECK(moved_again["success"] == true);
  CHECK(live_bookings(env).size() == 1);
  CHECK(live_bookings(env)[0]["uid"] == new_uid);

  auto cancelled = n.call("cancel_appointment",
                          {{"appointment_id", moved["data"]["appointment_id"]}}, "call_cal");
  INFO(cancelled.dump());
  REQUIRE(cancelled["success"] == true);
  CHECK(live_bookings(env).empty());
  CHECK(appointment_by_uid(db, new_uid)["status"] == "cancelled");
  CHECK(count_booked(db) == 0);
}

VOICE_CASE("Cal.com branch: a slot taken at Cal.com answers slot_taken with alternatives",
           "[calcom]") {
  calcom_env env{db};
  auto& n = *env.node;
  auto check = n.call("check_availability", wed_10, "call_race");
  CHECK(check["data"]["available"] == true);  // cached now
  // Someone books 10:00 in Cal.com's own UI meanwhile.
  env.fake.control("bookings", {{"start", "2026-12-02T09:00:00.000Z"}, {"eventTypeId", 1201}});
  auto booked = n.call("book_appointment", wed_10, "call_race");
  INFO(booked.dump());
  CHECK(booked["success"] == false);
  CHECK(booked["error"]["code"] == "slot_taken");
  REQUIRE(booked["data"]["alternatives"].size() > 0);
  for (const auto& alt : booked["data"]["alternatives"])
    CHECK(alt["start"] != "2026-12-02T10:00:00+01:00");
  CHECK(count_rows(db, "appointments") == 0);
  CHECK(live_bookings(env).size() == 1);  // only the UI's
}

VOICE_CASE("Cal.com branch: a booking whose local row was lost is found, not booked again",
           "[calcom]") {
  calcom_env env{db};
  auto& n = *env.node;
  auto booked = n.call("book_appointment", wed_10, "call_lost");
  REQUIRE(booked["success"] == true);
  const auto uid = live_bookings(env)[0]["uid"].get<std::string>();
  // Cal.com accepted, the local write is gone (a crash between the two).
  auto conn = db.connect();
  expect_ok(conn->execute("DELETE FROM appointments", {}));
  auto again = n.call("book_appointment", wed_10, "call_lost");
  INFO(again.dump());
  REQUIRE(again["success"] == true);
  CHECK(live_bookings(env).size() == 1);
  auto row = appointment_by_uid(db, uid);
  REQUIRE(row != nullptr);
  CHECK(row["status"] == "booked");
  CHECK(count_booked(db) == 1);
}
