// The Cal.com client against the fake Cal.com on loopback: slots, booking, finding a booking by
// our request key, rescheduling, cancelling, and each failure mapped to the error the
// connection acts on (taken slot, bad key, 5xx, broken body, hang past the time-out, 429).
#include "net/calcom/client.hpp"
#include "tests/fakes/calcom_server.hpp"

#include <catch2/catch.hpp>

namespace {

using namespace askpro;
using net::calcom::booking_input;
using net::calcom::client;
using net::calcom::slots_query;

constexpr int64_t monday_9 = 1799049600000;  // 2027-01-04T08:00:00Z = 09:00 in Berlin
constexpr int64_t half_hour = 30 * 60 * 1000;
constexpr int64_t day = 24 * 60 * 60 * 1000;

struct calcom_fixture {
  test::calcom_server fake;
  calcom_fixture() {
    fake.control("event_types", nlohmann::json::parse(R"([{"id": 1201, "length": 30,
        "timezone": "Europe/Berlin", "step": 30,
        "hours": {"mon": [["09:00", "12:00"]], "tue": [["09:00", "12:00"]]}}])"));
  }
  client make(std::chrono::milliseconds timeout = std::chrono::milliseconds{2000}) {
    return client{{fake.base_url(), "cal_test_key", timeout}};
  }
  static slots_query monday() {
    return {1201, monday_9 - half_hour * 2, monday_9 + day / 2, "Europe/Berlin", 0};
  }
  static booking_input at(int64_t start, const std::string& key) {
    booking_input in;
    in.start_ms = start;
    in.event_type_id = 1201;
    in.name = "Anna";
    in.time_zone = "Europe/Berlin";
    in.phone = "+4930123456";
    in.metadata = {{std::string{net::calcom::request_key_field}, key}};
    return in;
  }
};

std::optional<errc> code(const caf::error& e) {
  return code_of(e);
}

}  // namespace

TEST_CASE_METHOD(calcom_fixture, "slots, a booking, and the booked slot gone from the next answer",
                 "[calcom]") {
  auto c = make();
  auto free = c.slots(monday());
  REQUIRE(free);
  REQUIRE(free->size() == 6);  // 09:00 … 11:30
  CHECK(free->front() == monday_9);
  auto booked = c.book(at(monday_9, "call-1|k"));
  REQUIRE(booked);
  CHECK(booked->status == "accepted");
  CHECK(booked->start_ms == monday_9);
  CHECK(booked->end_ms == monday_9 + half_hour);
  auto after = c.slots(monday());
  REQUIRE(after);
  CHECK(after->size() == 5);
  CHECK(after->front() == monday_9 + half_hour);
  auto stored = fake.read("bookings");
  REQUIRE(stored.size() == 1);
  CHECK(stored[0]["attendees"][0]["email"] == "phone-4930123456@phone.invalid");
  CHECK(stored[0]["attendees"][0]["phoneNumber"] == "+4930123456");
}

TEST_CASE_METHOD(calcom_fixture, "a taken slot is slot_taken and books nothing", "[calcom]") {
  auto c = make();
  REQUIRE(c.book(at(monday_9, "a")));
  auto again = c.book(at(monday_9, "b"));
  REQUIRE_FALSE(again);
  CHECK(code(again.error()) == errc::slot_taken);
  auto closed = c.book(at(monday_9 - half_hour * 4, "c"));  // 07:00: before opening
  REQUIRE_FALSE(closed);
  CHECK(code(closed.error()) == errc::slot_taken);
  CHECK(fake.read("bookings").size() == 1);
}

TEST_CASE_METHOD(calcom_fixture, "a booking is found again by our request key", "[calcom]") {
  auto c = make();
  auto made = c.book(at(monday_9 + half_hour, "call-7|herren|0930"));
  REQUIRE(made);
  auto list = c.bookings(1201, monday_9 - day, monday_9 + day);
  REQUIRE(list);
  REQUIRE(list->size() == 1);
  CHECK((*list)[0].uid == made->uid);
  CHECK((*list)[0].metadata.at(std::string{net::calcom::request_key_field}) ==
        "call-7|herren|0930");
}

TEST_CASE_METHOD(calcom_fixture, "reschedule gives a new uid; cancel cancels", "[calcom]") {
  auto c = make();
  auto made = c.book(at(monday_9, "k"));
  REQUIRE(made);
  auto moved = c.reschedule(made->uid, monday_9 + 2 * half_hour, "caller asked");
  REQUIRE(moved);
  CHECK(moved->uid != made->uid);
  CHECK(moved->start_ms == monday_9 + 2 * half_hour);
  auto gone = c.cancel(moved->uid, "caller cancelled");
  REQUIRE(gone);
  CHECK(gone->status == "cancelled");
  auto free = c.slots(monday());
  REQUIRE(free);
  CHECK(free->size() == 6);
}

TEST_CASE_METHOD(calcom_fixture, "failures map to what the connection acts on", "[calcom]") {
  auto c = make(std::chrono::milliseconds{400});
  fake.control("faults", {{"fail_500", 1}});
  auto e500 = c.slots(monday());
  REQUIRE_FALSE(e500);
  CHECK(code(e500.error()) == errc::unavailable);
  fake.control("faults", {{"malformed", 1}});
  auto broken = c.slots(monday());
  REQUIRE_FALSE(broken);
  CHECK(code(broken.error()) == errc::unavailable);
  fake.control("faults", {{"unauthorized", true}});
  auto key = c.slots(monday());
  REQUIRE_FALSE(key);
  CHECK(code(key.error()) == errc::unauthorized);
  fake.control("faults", {{"clear", true}});
  fake.control("faults", {{"hang", true}});
  auto hung = c.slots(monday());
  REQUIRE_FALSE(hung);
  CHECK(code(hung.error()) == errc::timeout);
  fake.control("faults", {{"clear", true}});
  CHECK(c.slots(monday()));  // the connection is rebuilt after the time-out
}

TEST_CASE_METHOD(calcom_fixture, "Cal.com's 429 carries Retry-After", "[calcom]") {
  auto c = make();
  fake.control("limit", {{"per_min", 2}});
  REQUIRE(c.slots(monday()));
  REQUIRE(c.slots(monday()));
  CHECK_FALSE(c.retry_after());
  auto third = c.slots(monday());
  REQUIRE_FALSE(third);
  CHECK(code(third.error()) == errc::unavailable);
  REQUIRE(c.retry_after());
  CHECK(*c.retry_after() >= std::chrono::seconds{1});
  CHECK(fake.read("stats")["rejected_429"] == 1);
}
