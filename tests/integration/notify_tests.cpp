// Notifications end to end (SQLite and MariaDB): a voice node books, moves and cancels through
// Retell function calls; the outbox queues the messages in the same transactions; the job queue
// delivers them to the fake SMS gateway and SMTP sink. Time is the node's manual clock.
#include "tests/integration/notify_fixture.hpp"

#include <catch2/catch.hpp>

using namespace askpro;
using namespace askpro::test;
using nlohmann::json;

namespace {

constexpr const char* email = "erika@example.org";

json book(voice_node& n, const std::string& date, const std::string& time,
          const std::string& call) {
  auto booked =
      n.call("book_appointment",
             {{"date", date}, {"time", time}, {"name", "Erika Muster"}, {"email", email}}, call);
  INFO(booked.dump());
  REQUIRE(booked["success"] == true);
  return booked;
}

bool status_is(const backend& db, const std::string& key, const std::string& status) {
  return job_by_key(db, key).status == status;
}

}  // namespace

VOICE_CASE("a booking is confirmed once on SMS and e-mail however often Retell retries",
           "[notify]") {
  notify_server fake{{"gw-token"}};
  voice_node n{db, delivery_node(fake)};
  auto first = book(n, "2026-12-03", "11:00", "call_confirm");
  for (int i = 0; i < 3; ++i) CHECK(book(n, "2026-12-03", "11:00", "call_confirm") == first);
  const auto id = first["data"]["appointment_id"].get<std::string>();
  const auto sms_key = message_key(db, "confirmation", id, "sms");
  const auto mail_key = message_key(db, "confirmation", id, "email");
  REQUIRE(eventually(
      [&] { return status_is(db, sms_key, "done") && status_is(db, mail_key, "done"); }));
  auto sms = delivered(fake, sms_key);
  REQUIRE(sms.size() == 1);
  CHECK(sms[0]["to"] == caller_number);
  CHECK(sms[0]["from"] == "+4930999000");
  const auto text = sms[0]["body"].get<std::string>();
  CHECK(text.find("Erika Muster") != std::string::npos);
  CHECK(text.find("3. Dezember 2026") != std::string::npos);
  CHECK(text.find("11:00") != std::string::npos);
  auto mail = delivered(fake, mail_key);
  REQUIRE(mail.size() == 1);
  CHECK(mail[0]["to"] == email);
  CHECK_FALSE(mail[0]["subject"].get<std::string>().empty());
  // Exactly one attempt per message reached the gateways; the reminders wait for their time.
  int attempts = 0;
  for (const auto& a : fake.attempts()) attempts += a["outcome"] == "delivered" ? 1 : 0;
  CHECK(attempts == 2);
  CHECK(status_is(db, message_key(db, "reminder", id, "sms"), "queued"));
  CHECK(job_by_key(db, message_key(db, "reminder", id, "sms")).run_at ==
        runtime::to_unix_ms(berlin(2026, 12, 2, 11, 0)));
}

VOICE_CASE("a reminder goes out at its time, moves with its appointment and goes with it",
           "[notify]") {
  notify_server fake{{"gw-token"}};
  voice_node n{db, delivery_node(fake)};
  auto booked = book(n, "2026-12-03", "11:00", "call_remind");
  const auto id = booked["data"]["appointment_id"].get<std::string>();
  const auto old_reminder = message_key(db, "reminder", id, "sms");
  auto moved = n.call("reschedule_appointment", {{"new_date", "2026-12-04"}, {"new_time", "14:00"}},
                      "call_move");
  INFO(moved.dump());
  REQUIRE(moved["success"] == true);
  const auto new_id = moved["data"]["appointment_id"].get<std::string>();
  REQUIRE(new_id != id);
  CHECK(status_is(db, old_reminder, "cancelled"));
  const auto reminder = message_key(db, "reminder", new_id, "sms");
  CHECK(job_by_key(db, reminder).run_at == runtime::to_unix_ms(berlin(2026, 12, 3, 14, 0)));
  REQUIRE(eventually(
      [&] { return status_is(db, message_key(db, "reschedule", new_id, "sms"), "done"); }));
  CHECK(delivered(fake, message_key(db, "reschedule", new_id, "email")).size() <= 1);
  // A minute before its time the reminder is not due; a minute after it goes out.
  n.clock().set(berlin(2026, 12, 3, 13, 59));
  poke(n);
  CHECK(status_is(db, reminder, "queued"));
  n.clock().set(berlin(2026, 12, 3, 14, 1));
  poke(n);
  REQUIRE(eventually([&] { return status_is(db, reminder, "done"); }));
  auto sent = delivered(fake, reminder);
  REQUIRE(sent.size() == 1);
  CHECK(sent[0]["body"].get<std::string>().find("14:00") != std::string::npos);
  // A cancellation withdraws the reminder and tells the customer.
  auto other = book(n, "2026-12-10", "10:00", "call_other");
  const auto other_id = other["data"]["appointment_id"].get<std::string>();
  auto cancelled = n.call("cancel_appointment", {{"date", "2026-12-10"}}, "call_cancel");
  INFO(cancelled.dump());
  REQUIRE(cancelled["success"] == true);
  CHECK(status_is(db, message_key(db, "reminder", other_id, "sms"), "cancelled"));
  REQUIRE(eventually(
      [&] { return status_is(db, message_key(db, "cancellation", other_id, "sms"), "done"); }));
  CHECK(delivered(fake, message_key(db, "cancellation", other_id, "sms")).size() == 1);
}

VOICE_CASE("a callback request notifies the branch by e-mail and SMS, once", "[notify]") {
  notify_server fake{{"gw-token"}};
  voice_node n{db, delivery_node(fake)};
  json args{{"name", "Erika"}, {"grund", "Frage zum Preis"}, {"rueckrufzeit", "morgen ab 14 Uhr"}};
  auto asked = n.call("request_callback", args, "call_cb");
  REQUIRE(asked["success"] == true);
  CHECK(n.call("request_callback", args, "call_cb") == asked);
  const auto id = asked["data"]["callback_id"].get<std::string>();
  auto audit = expect_ok(db.connect()->query(
      "SELECT actor, payload FROM audit_events WHERE action = 'callback.requested'"));
  REQUIRE(audit.size() == 1);  // once, by the caller's blind index, without the details
  CHECK(expect_ok(audit[0].get<std::string>("actor")).rfind("caller:", 0) == 0);
  const auto recorded = expect_ok(audit[0].get<std::string>("payload"));
  CHECK(recorded == "{\"callback\":" + id + "}");
  const auto mail = message_key(db, "callback", id, "email");
  const auto sms = message_key(db, "callback", id, "sms");
  REQUIRE(eventually([&] { return status_is(db, mail, "done") && status_is(db, sms, "done"); }));
  auto sent = delivered(fake, mail);
  REQUIRE(sent.size() == 1);
  CHECK(sent[0]["to"] == "mitte@salon.example");
  auto body = sent[0]["body"].get<std::string>();
  CHECK(body.find("Frage zum Preis") != std::string::npos);
  CHECK(body.find("morgen ab 14 Uhr") != std::string::npos);
  CHECK(body.find(caller_number) != std::string::npos);
  auto text = delivered(fake, sms);
  REQUIRE(text.size() == 1);
  CHECK(text[0]["to"] == "+4930123456");
}
