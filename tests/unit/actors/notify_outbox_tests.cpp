// Which messages a change causes (actors/notify/outbox.hpp) and the job queue's retry gaps:
// confirmations and reminders per channel the tenant wants and the node has, nothing for a
// customer without an address there, reminders withdrawn by moves and cancellations, the
// callback notice to the branch, and gaps that double with their jitter.
#include "actors/jobs/jobs.hpp"
#include "actors/notify/message.hpp"
#include "actors/notify/outbox.hpp"

#include <catch2/catch.hpp>

using namespace askpro;
using namespace askpro::actors;
using persistence::appointment_record;
using persistence::customer_record;

namespace {

constexpr int64_t hour = 3'600'000;
constexpr int64_t now = 1'796'112'000'000;  // 2026-12-01 08:00 UTC
constexpr int64_t start = now + 50 * hour;  // 2026-12-03 10:00 UTC = 11:00 Berlin

tenant::tenant_model_ptr model() {
  auto m = std::make_shared<tenant::tenant_model>();
  m->company_id = 7;
  m->slug = "salon";
  m->name = "Salon Lindenblatt";
  m->locale = "de-DE";
  m->time_zone = "Europe/Berlin";
  m->notifications.channels = {"sms", "whatsapp", "email"};
  booking::service cut;
  cut.slug = "cut";
  cut.name = "Herrenhaarschnitt";
  m->services.push_back(cut);
  m->service_ids["cut"] = 3;
  m->service_slugs[3] = "cut";
  tenant::branch_model b;
  b.id = 2;
  b.slug = "mitte";
  b.name = "Mitte";
  b.hours.time_zone = "Europe/Berlin";
  b.notify.email = "mitte@salon.example";
  b.notify.phone = "+4930123456";
  m->branches.push_back(b);
  return m;
}

notify::outbox_policy_ptr policy(std::vector<std::string> channels) {
  auto p = std::make_shared<notify::outbox_policy>();
  p->channels = std::move(channels);
  p->max_attempts = 6;
  return p;
}

appointment_record appointment(int64_t id) {
  appointment_record a;
  a.id = id;
  a.branch_id = 2;
  a.service_id = 3;
  a.customer_id = 11;
  a.start_at = start;
  a.end_at = start + hour / 2;
  return a;
}

customer_record customer(std::string email = "erika@example.org") {
  customer_record c;
  c.id = 11;
  c.name = "Erika Muster";
  c.phone_e164 = "+4915112345678";
  c.email = std::move(email);
  return c;
}

std::vector<std::string> keys(const persistence::outbox_effects& e) {
  std::vector<std::string> out;
  for (const auto& j : e.enqueue) out.push_back(j.idempotency_key);
  return out;
}

}  // namespace

TEST_CASE("a booking queues a confirmation and a reminder per channel the node has",
          "[notify][outbox]") {
  auto fn = notify::appointment_outbox(policy({"sms", "email"}), model(),
                                       notify::appointment_event::booked, now);
  auto out = fn(appointment(42), customer());
  CHECK(keys(out) == std::vector<std::string>{"confirmation:7:42:sms", "reminder:7:42:sms",
                                              "confirmation:7:42:email", "reminder:7:42:email"});
  CHECK(out.withdraw.empty());
  const auto& confirm = out.enqueue[0];
  CHECK(confirm.kind == "notify.sms");
  CHECK(confirm.company_id == std::optional<int64_t>{7});
  CHECK(confirm.run_at == now);
  CHECK(confirm.max_attempts == 6);
  CHECK(out.enqueue[1].run_at == start - 24 * hour);
  CHECK(out.enqueue[1].priority < confirm.priority);
  auto sms = notify::from_payload(confirm.payload);
  REQUIRE(sms);
  CHECK(sms->to == "+4915112345678");
  CHECK(sms->body.find("Erika Muster") != std::string::npos);
  CHECK(sms->body.find("Herrenhaarschnitt") != std::string::npos);
  CHECK(sms->body.find("11:00") != std::string::npos);  // Berlin time, not UTC
  auto mail = notify::from_payload(out.enqueue[2].payload);
  REQUIRE(mail);
  CHECK(mail->to == "erika@example.org");
  CHECK_FALSE(mail->subject.empty());
}

TEST_CASE("channels without an address, a passed reminder time and no policy queue nothing",
          "[notify][outbox]") {
  auto all = policy({"sms", "whatsapp", "email"});
  auto soon = appointment(5);
  soon.start_at = now + 3 * hour;  // the reminder's time has passed already
  auto out = notify::appointment_outbox(all, model(), notify::appointment_event::booked, now)(
      soon, customer(""));
  CHECK(keys(out) == std::vector<std::string>{"confirmation:7:5:sms", "confirmation:7:5:whatsapp"});
  auto wa = notify::from_payload(out.enqueue[1].payload);
  REQUIRE(wa);
  CHECK(wa->template_name == "confirmation");
  CHECK(wa->language == "de");
  CHECK_FALSE(wa->parameters.empty());
  auto nobody = notify::appointment_outbox(all, model(), notify::appointment_event::booked, now)(
      soon, std::nullopt);
  CHECK(nobody.enqueue.empty());
  CHECK_FALSE(notify::appointment_outbox(nullptr, model(), notify::appointment_event::booked, now));
}

TEST_CASE("a move and a cancellation withdraw the reminders they replace", "[notify][outbox]") {
  auto p = policy({"sms"});
  auto moved = appointment(43);
  moved.rescheduled_from = 42;
  auto out = notify::appointment_outbox(p, model(), notify::appointment_event::rescheduled, now)(
      moved, customer());
  CHECK(keys(out) == std::vector<std::string>{"reschedule:7:43:sms", "reminder:7:43:sms"});
  CHECK(out.withdraw == std::vector<std::string>{"reminder:7:42:sms", "reminder:7:42:whatsapp",
                                                 "reminder:7:42:email"});
  auto gone = notify::appointment_outbox(p, model(), notify::appointment_event::cancelled, now)(
      appointment(43), customer());
  CHECK(keys(gone) == std::vector<std::string>{"cancellation:7:43:sms"});
  CHECK(gone.withdraw.size() == 3);
  CHECK(gone.withdraw[0] == "reminder:7:43:sms");
  // Changes made in Cal.com (it tells the attendee itself) only keep the reminders in step.
  auto there = notify::appointment_outbox(p, model(), notify::appointment_event::moved_elsewhere,
                                          now)(moved, customer());
  CHECK(keys(there) == std::vector<std::string>{"reminder:7:43:sms"});
  CHECK(there.withdraw.size() == 3);
  auto dropped = notify::appointment_outbox(
      p, model(), notify::appointment_event::cancelled_elsewhere, now)(appointment(43), customer());
  CHECK(dropped.enqueue.empty());
  CHECK(dropped.withdraw[0] == "reminder:7:43:sms");
}

TEST_CASE("a callback request notifies the branch's address and number", "[notify][outbox]") {
  persistence::callback_record cb;
  cb.id = 9;
  cb.branch_id = 2;
  cb.name = "Max";
  cb.phone_e164 = "+4915199999999";
  cb.reason = "Frage zum Preis";
  cb.preferred_time = "morgen ab 14 Uhr";
  auto out = notify::callback_outbox(policy({"whatsapp", "email"}), model(), now)(cb);
  CHECK(keys(out) == std::vector<std::string>{"callback:7:9:email", "callback:7:9:whatsapp"});
  auto mail = notify::from_payload(out.enqueue[0].payload);
  REQUIRE(mail);
  CHECK(mail->to == "mitte@salon.example");
  CHECK(mail->body.find("Frage zum Preis") != std::string::npos);
  CHECK(mail->body.find("+4915199999999") != std::string::npos);
  cb.branch_id = 99;  // no such branch: nobody to tell
  CHECK(notify::callback_outbox(policy({"email"}), model(), now)(cb).enqueue.empty());
}

TEST_CASE("retry gaps double per attempt, jittered into their upper half", "[jobs]") {
  using ms = std::chrono::milliseconds;
  CHECK(jobs::retry_gap_ms(ms{1000}, 1, 0.0) == 500);
  CHECK(jobs::retry_gap_ms(ms{1000}, 1, 1.0) == 1000);
  CHECK(jobs::retry_gap_ms(ms{1000}, 3, 0.0) == 2000);
  CHECK(jobs::retry_gap_ms(ms{1000}, 3, 0.5) == 3000);
  for (int a = 1; a < 10; ++a)  // the shortest next gap is never below the longest gap before
    CHECK(jobs::retry_gap_ms(ms{1000}, a + 1, 0.0) >= jobs::retry_gap_ms(ms{1000}, a, 1.0));
  CHECK(jobs::retry_gap_ms(ms{1000}, 40, 1.0) == 3'600'000);  // capped at an hour
}
