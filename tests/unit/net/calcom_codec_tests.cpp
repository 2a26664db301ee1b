// Cal.com's wire format: webhook bodies, both slot answer shapes, bookings, the request bodies
// we send and the classification of its error envelope.
#include "net/calcom/codec.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

namespace {

using namespace askpro::net::calcom;

// 2026-12-01T13:00:00Z
constexpr int64_t one_pm = 1796130000000;

}  // namespace

TEST_CASE("a BOOKING_CREATED webhook is read with its attendee and times", "[calcom]") {
  auto ev = parse_webhook(
      R"({"triggerEvent":"BOOKING_CREATED","payload":{"uid":"bk_1","eventTypeId":1201,)"
      R"("startTime":"2026-12-01T13:00:00Z","endTime":"2026-12-01T13:30:00Z","status":"ACCEPTED",)"
      R"("attendees":[{"name":"Jörg","email":"j@example.org","phoneNumber":"+4930123"}],)"
      R"("metadata":{"askpro_request_key":"k1","n":3}}})");
  REQUIRE(ev);
  CHECK(ev->trigger == "BOOKING_CREATED");
  CHECK(ev->uid == "bk_1");
  CHECK(ev->event_type_id == 1201);
  CHECK(ev->start_ms == one_pm);
  CHECK(ev->end_ms == one_pm + 30 * 60 * 1000);
  CHECK(ev->attendee_name == "Jörg");
  CHECK(ev->attendee_phone == "+4930123");
  CHECK(ev->metadata.at(std::string{request_key_field}) == "k1");
  CHECK(ev->metadata.count("n") == 0);  // string values only
}

TEST_CASE("a reschedule webhook names the new and the original booking", "[calcom]") {
  auto ev = parse_webhook(
      R"({"triggerEvent":"BOOKING_RESCHEDULED","payload":{"uid":"bk_new","rescheduleUid":"bk_old",)"
      R"("startTime":"2026-12-01T14:00:00.000+01:00","endTime":"2026-12-01T14:30:00+01:00"}})");
  REQUIRE(ev);
  CHECK(ev->uid == "bk_new");
  CHECK(ev->reschedule_uid == "bk_old");
  CHECK(ev->start_ms == one_pm);
}

TEST_CASE("PING needs only its trigger; broken webhooks name the field", "[calcom]") {
  auto ping = parse_webhook(R"({"triggerEvent":"PING","payload":{}})");
  REQUIRE(ping);
  CHECK(ping->trigger == "PING");
  CHECK_FALSE(parse_webhook("not json"));
  CHECK_FALSE(parse_webhook(R"({"payload":{}})"));
  CHECK_FALSE(parse_webhook(R"({"triggerEvent":"BOOKING_CANCELLED","payload":{"startTime":"x"}})"));
  CHECK_FALSE(parse_webhook(
      R"({"triggerEvent":"BOOKING_CREATED","payload":{"uid":"a","startTime":"yesterday"}})"));
}

TEST_CASE("slot answers of both API versions give the same UTC starts", "[calcom]") {
  auto now = parse_slots(
      R"({"status":"success","data":{"2026-12-01":[{"start":"2026-12-01T14:30:00.000+01:00"},)"
      R"({"start":"2026-12-01T14:00:00.000+01:00"}],"2026-12-02":[]}})");
  auto old =
      parse_slots(R"({"status":"success","data":{"slots":{"2026-12-01":)"
                  R"([{"time":"2026-12-01T13:00:00.000Z"},{"time":"2026-12-01T13:30:00Z"}]}}})");
  REQUIRE(now);
  REQUIRE(old);
  CHECK(*now == std::vector<int64_t>{one_pm, one_pm + 1800000});
  CHECK(*now == *old);
  CHECK_FALSE(parse_slots(R"({"status":"success","data":)"));  // truncated
  CHECK_FALSE(parse_slots(R"({"status":"error","error":{"message":"x"}})"));
  CHECK_FALSE(parse_slots(R"({"status":"success","data":{"2026-12-01":[{"start":"soon"}]}})"));
}

TEST_CASE("booking answers are read; a broken one is a failure", "[calcom]") {
  auto b = parse_booking(
      R"({"status":"success","data":{"id":7,"uid":"bk_7","status":"accepted","eventTypeId":1201,)"
      R"("start":"2026-12-01T13:00:00.000Z","end":"2026-12-01T13:30:00.000Z",)"
      R"("metadata":{"askpro_request_key":"call1|x"}}})");
  REQUIRE(b);
  CHECK(b->uid == "bk_7");
  CHECK(b->start_ms == one_pm);
  CHECK(b->metadata.at("askpro_request_key") == "call1|x");
  auto list = parse_bookings(R"({"status":"success","data":[]})");
  REQUIRE(list);
  CHECK(list->empty());
  CHECK_FALSE(parse_booking(R"({"status":"success","data":{"id":7}})"));
}

TEST_CASE("a booking for a caller known only by phone carries a placeholder address", "[calcom]") {
  booking_input in;
  in.start_ms = one_pm;
  in.event_type_id = 1201;
  in.name = "Anna";
  in.time_zone = "Europe/Berlin";
  in.phone = "+49 30 1234567";
  in.metadata = {{"askpro_request_key", "k"}};
  auto j = nlohmann::json::parse(booking_body(in));
  CHECK(j["start"] == "2026-12-01T13:00:00.000Z");
  CHECK(j["eventTypeId"] == 1201);
  CHECK(j["attendee"]["email"] == "phone-49301234567@phone.invalid");
  CHECK(j["attendee"]["phoneNumber"] == "+49 30 1234567");
  CHECK(j["metadata"]["askpro_request_key"] == "k");
  in.email = "anna@example.org";
  CHECK(nlohmann::json::parse(booking_body(in))["attendee"]["email"] == "anna@example.org");
  CHECK(nlohmann::json::parse(reschedule_body(one_pm, "r"))["start"] == "2026-12-01T13:00:00.000Z");
}

TEST_CASE("Cal.com's error envelope is classified by what it means", "[calcom]") {
  const std::string taken =
      R"({"status":"error","error":{"code":"BadRequestException","message":"User either already)"
      R"( has booking at this time or is not available"}})";
  CHECK(classify(400, taken) == failure::slot_taken);
  CHECK(classify(400, R"({"status":"error","error":{"message":"eventTypeId invalid"}})") ==
        failure::bad_request);
  CHECK(classify(401, "") == failure::configuration);
  CHECK(classify(403, "") == failure::configuration);
  CHECK(classify(429, "") == failure::rate_limited);
  CHECK(classify(500, taken) == failure::transient);
  CHECK(classify(503, "<html>") == failure::transient);
  CHECK(error_message(taken).find("already has booking") != std::string::npos);
}
