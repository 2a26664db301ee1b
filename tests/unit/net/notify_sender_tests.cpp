// The SMS and WhatsApp senders against the fake gateways (tests/fakes/notify) on loopback:
// what arrives (fields, token, idempotency key), each failure mapped to the error the channel
// acts on (4xx, 5xx, a hang past the time limit, nobody listening), and the senders a node's
// settings make.
#include "net/notify/senders.hpp"
#include "net/notify/sms_sender.hpp"
#include "net/notify/whatsapp_sender.hpp"
#include "tests/fakes/notify_server.hpp"

#include <catch2/catch.hpp>

#include <chrono>

namespace {

using namespace askpro;
using namespace std::chrono_literals;
using actors::notify::outgoing_message;
using net::notify::sms_sender;
using net::notify::whatsapp_sender;

constexpr const char* phone = "+4915112345678";
constexpr const char* phone_number_id = "106540352242922";

config::notify_settings settings_for(const test::notify_server& fake,
                                     std::chrono::milliseconds timeout = 2000ms) {
  config::notify_settings s;
  s.sms_url = fake.sms_url();
  s.sms_token = "gw-token";
  s.sms_from = "+4930999000";
  s.whatsapp_url = fake.whatsapp_url();
  s.whatsapp_token = "gw-token";
  s.whatsapp_phone_number_id = phone_number_id;
  s.smtp_url = fake.smtp_url();
  s.smtp_from = "termine@salon.example";
  s.timeout = timeout;
  return s;
}

outgoing_message sms(const std::string& key) {
  outgoing_message m;
  m.channel = "sms";
  m.to = phone;
  m.body = "Ihr Termin am Dienstag, 10:00 – bis bald & danke (100% sicher)";
  m.idempotency_key = key;
  return m;
}

outgoing_message whatsapp(const std::string& key) {
  outgoing_message m;
  m.channel = "whatsapp";
  m.to = phone;
  m.template_name = "confirmation";
  m.language = "de";
  m.parameters = {"Erika", "Dienstag, 1. Dezember", "10:00"};
  m.idempotency_key = key;
  return m;
}

errc code(const Result<void>& r) {
  REQUIRE_FALSE(r);
  return code_of(r.error()).value_or(errc::internal);
}

/// The error's text names no recipient.
bool free_of_personal_data(const Result<void>& r) {
  return describe(r.error()).find("15112345678") == std::string::npos;
}

}  // namespace

TEST_CASE("sms: the gateway gets To, From, Body, the token and the idempotency key", "[notify]") {
  test::notify_server fake{{"gw-token"}};
  sms_sender sender{settings_for(fake)};
  REQUIRE(sender.send(sms("confirmation:1:7:sms")));
  REQUIRE(sender.send(sms("reminder:1:7:sms")));  // the same connection, kept alive
  auto messages = fake.messages();
  REQUIRE(messages.size() == 2);
  CHECK(messages[0]["channel"] == "sms");
  CHECK(messages[0]["to"] == phone);
  CHECK(messages[0]["from"] == "+4930999000");
  CHECK(messages[0]["body"] == sms("").body);
  CHECK(messages[0]["idempotency_key"] == "confirmation:1:7:sms");
  CHECK(messages[1]["idempotency_key"] == "reminder:1:7:sms");
}

TEST_CASE("sms: a refusal is invalid_argument, a failure unavailable", "[notify]") {
  test::notify_server fake{{"gw-token"}};
  auto s = settings_for(fake);
  s.sms_token = "wrong";
  auto refused = sms_sender{s}.send(sms("k1"));
  CHECK(code(refused) == errc::invalid_argument);  // 401
  sms_sender sender{settings_for(fake)};
  fake.control({{"sms", "reject"}});
  auto rejected = sender.send(sms("k2"));
  CHECK(code(rejected) == errc::invalid_argument);
  CHECK(describe(rejected.error()).find("HTTP 400") != std::string::npos);
  CHECK(free_of_personal_data(rejected));
  fake.control({{"sms", "fail"}});
  auto failed = sender.send(sms("k3"));
  CHECK(code(failed) == errc::unavailable);
  CHECK(free_of_personal_data(failed));
  fake.control({{"sms", "ok"}});
  CHECK(sender.send(sms("k4")));
  CHECK(fake.messages().size() == 1);
}

TEST_CASE("sms: a hung gateway is a time-out within the time limit", "[notify]") {
  test::notify_server fake{{"gw-token"}};
  sms_sender sender{settings_for(fake, 300ms)};
  fake.control({{"sms", "hang"}});
  auto started = std::chrono::steady_clock::now();
  auto hung = sender.send(sms("k1"));
  auto waited = std::chrono::steady_clock::now() - started;
  CHECK(code(hung) == errc::timeout);
  CHECK(waited >= 250ms);
  CHECK(waited < 1500ms);
  REQUIRE(fake.attempts().size() == 1);
  CHECK(fake.attempts()[0]["outcome"] == "hung");
  fake.control({{"sms", "ok"}});
  CHECK(sender.send(sms("k2")));  // a fresh connection
}

TEST_CASE("sms: nobody listening is unavailable; a message without text is not sent", "[notify]") {
  test::notify_server fake;
  auto s = settings_for(fake);
  s.sms_url = "http://127.0.0.1:1/sms";
  CHECK(code(sms_sender{s}.send(sms("k1"))) == errc::unavailable);
  auto empty = sms("k2");
  empty.body.clear();
  CHECK(code(sms_sender{settings_for(fake)}.send(empty)) == errc::invalid_argument);
  CHECK(fake.attempts().empty());
}

TEST_CASE("whatsapp: a template message with its parameters and key", "[notify]") {
  test::notify_server fake{{"gw-token"}};
  whatsapp_sender sender{settings_for(fake)};
  REQUIRE(sender.send(whatsapp("confirmation:1:7:whatsapp")));
  auto messages = fake.messages();
  REQUIRE(messages.size() == 1);
  const auto& m = messages[0];
  CHECK(m["to"] == "4915112345678");
  CHECK(m["from"] == phone_number_id);
  CHECK(m["template"] == "confirmation");
  CHECK(m["language"] == "de");
  CHECK(m["parameters"] == nlohmann::json::array({"Erika", "Dienstag, 1. Dezember", "10:00"}));
  CHECK(m["idempotency_key"] == "confirmation:1:7:whatsapp");
}

TEST_CASE("whatsapp: a template without parameters, a root URL ending in '/'", "[notify]") {
  test::notify_server fake;
  auto s = settings_for(fake);
  s.whatsapp_url += "/";
  s.whatsapp_token.clear();
  auto m = whatsapp("k1");
  m.parameters.clear();
  REQUIRE(whatsapp_sender{s}.send(m));
  auto messages = fake.messages();
  REQUIRE(messages.size() == 1);
  CHECK(messages[0]["parameters"].empty());
  CHECK(messages[0]["payload"].count("template") == 1);
  CHECK(messages[0]["payload"]["template"].count("components") == 0);
}

TEST_CASE("whatsapp: 400, 500 and a hang", "[notify]") {
  test::notify_server fake{{"gw-token"}};
  whatsapp_sender sender{settings_for(fake, 300ms)};
  fake.control({{"whatsapp", "reject"}});
  auto rejected = sender.send(whatsapp("k1"));
  CHECK(code(rejected) == errc::invalid_argument);
  CHECK(describe(rejected.error()).find("whatsapp gateway refused the message: HTTP 400") !=
        std::string::npos);
  fake.control({{"whatsapp", "fail"}});
  CHECK(code(sender.send(whatsapp("k2"))) == errc::unavailable);
  fake.control({{"whatsapp", "hang"}});
  CHECK(code(sender.send(whatsapp("k3"))) == errc::timeout);
  fake.control({{"whatsapp", "ok"}});
  CHECK(sender.send(whatsapp("k4")));
  auto no_template = whatsapp("k5");
  no_template.template_name.clear();
  CHECK(code(sender.send(no_template)) == errc::invalid_argument);
  CHECK(fake.messages().size() == 1);
}

TEST_CASE("make_senders: one factory per configured channel, each making a working sender",
          "[notify]") {
  test::notify_server fake{{"gw-token"}};
  auto s = settings_for(fake);
  s.whatsapp_url.clear();
  auto senders = net::notify::make_senders(s);
  REQUIRE(senders.channels.size() == 2);
  CHECK(senders.channels[0].first == "sms");
  CHECK(senders.channels[1].first == "email");
  CHECK_FALSE(senders.has("whatsapp"));
  auto sender = senders.channels[0].second();
  REQUIRE(sender);
  CHECK(sender->send(sms("k1")));
  CHECK(net::notify::make_senders(config::notify_settings{}).channels.empty());
}
