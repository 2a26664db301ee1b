#include "tests/integration/notify_fixture.hpp"

#include "actors/jobs/job_admin.hpp"
#include "net/notify/mail_message.hpp"

#include <catch2/catch.hpp>

namespace askpro::test {

config::settings delivery_settings(const notify_server& fake) {
  config::settings s;
  s.notify.sms_url = fake.sms_url();
  s.notify.sms_token = "gw-token";
  s.notify.sms_from = "+4930999000";
  s.notify.whatsapp_url = fake.whatsapp_url();
  s.notify.whatsapp_token = "gw-token";
  s.notify.whatsapp_phone_number_id = "106540352242922";
  s.notify.smtp_url = fake.smtp_url();
  s.notify.smtp_from = "termine@salon.example";
  s.notify.timeout = std::chrono::milliseconds{1500};
  s.notify.breaker_failures = 3;
  s.notify.breaker_reset = std::chrono::seconds{60};
  s.jobs.workers = 2;
  s.jobs.poll = std::chrono::milliseconds{20};
  s.jobs.backoff = std::chrono::seconds{1};
  s.jobs.lease = std::chrono::seconds{20};
  s.jobs.max_attempts = 4;
  s.runtime.ask_timeout = std::chrono::seconds{10};
  return s;
}

voice_node_options delivery_node(const notify_server& fake, const std::string& node_id) {
  voice_node_options o;
  o.delivery = delivery_settings(fake);
  o.node_id = node_id;
  o.seed = [](const backend& db) {
    seed_voice_salon(db);
    auto conn = db.connect();
    expect_ok(
        conn->execute("UPDATE branches SET notify = ? WHERE slug = 'mitte'",
                      {std::string{R"({"email":"mitte@salon.example","phone":"+4930123456"})"}}));
  };
  return o;
}

persistence::job_record job_by_key(const backend& db, const std::string& key) {
  auto conn = db.connect();
  auto job = expect_ok(persistence::find_job_by_key(*conn, key));
  INFO(key);
  REQUIRE(job);
  return *job;
}

std::string message_key(const backend& db, const std::string& kind, const std::string& row,
                        const std::string& channel) {
  auto conn = db.connect();
  auto rs = expect_ok(conn->query("SELECT id FROM companies WHERE slug = 'salon'"));
  auto company = expect_ok(rs[0].get<int64_t>("id"));
  return kind + ":" + std::to_string(company) + ":" + row + ":" + channel;
}

std::vector<nlohmann::json> delivered(notify_server& fake, const std::string& key) {
  // An e-mail carries the key as its Message-ID (made safe for one).
  const bool mail = key.size() > 6 && key.compare(key.size() - 6, 6, ":email") == 0;
  const auto sent_as = mail ? net::notify::message_id_for(key) : key;
  std::vector<nlohmann::json> out;
  for (const auto& m : fake.messages())
    if (m.value("idempotency_key", std::string{}) == sent_as) out.push_back(m);
  return out;
}

void poke(voice_node& n) {
  actors::jobs::poke_workers(*n.registry());
}

}  // namespace askpro::test
