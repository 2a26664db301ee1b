// The e-mail sender (libcurl) against the fake SMTP sink (tests/fakes/notify) on loopback: the
// message as it arrives (envelope, headers, encodings, the Message-ID from the key), several
// messages through one sender, 451/550/a hang, AUTH, STARTTLS and smtps with a certificate the
// test makes, and recipients that are refused before anything is sent.
#include "net/notify/mail_message.hpp"
#include "net/notify/smtp_sender.hpp"
#include "tests/fakes/notify_server.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <regex>

namespace {

using namespace askpro;
using namespace std::chrono_literals;
using actors::notify::outgoing_message;
using net::notify::smtp_options;
using net::notify::smtp_sender;

constexpr const char* customer = "erika@example.org";
constexpr const char* key = "confirmation:1:7:email";

config::notify_settings settings_for(const test::notify_server& fake,
                                     std::chrono::milliseconds timeout = 3000ms) {
  config::notify_settings s;
  s.smtp_url = fake.smtp_url();
  s.smtp_from = "Salon Mitte <termine@salon.example>";
  s.timeout = timeout;
  return s;
}

outgoing_message mail(const std::string& idempotency_key = key) {
  outgoing_message m;
  m.channel = "email";
  m.to = customer;
  m.subject = "Terminbestätigung für Dienstag";
  m.body = "Hallo Erika,\nIhr Termin am Dienstag um 10:00 ist bestätigt.\n.\n.Punkt am Anfang\n";
  m.idempotency_key = idempotency_key;
  return m;
}

errc code(const Result<void>& r) {
  REQUIRE_FALSE(r);
  return code_of(r.error()).value_or(errc::internal);
}

/// The value of header `name` as the sink received it.
std::string header(const nlohmann::json& message, const std::string& name) {
  for (const auto& h : message["headers"])
    if (h[0] == name) return h[1].get<std::string>();
  return {};
}

}  // namespace

TEST_CASE("email: the message arrives with its envelope, headers, text and Message-ID",
          "[notify][smtp]") {
  test::notify_server fake;
  smtp_sender sender{settings_for(fake)};
  REQUIRE(sender.send(mail()));
  auto messages = fake.messages();
  REQUIRE(messages.size() == 1);
  const auto& m = messages[0];
  CHECK(m["from"] == "termine@salon.example");  // the envelope
  CHECK(m["recipients"] == nlohmann::json::array({customer}));
  CHECK(m["header_from"] == "Salon Mitte <termine@salon.example>");
  CHECK(m["header_to"] == customer);
  CHECK(m["subject"] == "Terminbestätigung für Dienstag");
  CHECK(m["body"] == mail().body);  // dot-stuffed by curl, unstuffed by the sink
  CHECK(m["idempotency_key"] == net::notify::message_id_for(key));
  CHECK(m["idempotency_key"] == "<confirmation=3A1=3A7=3Aemail@askpro>");
  CHECK(header(m, "MIME-Version") == "1.0");
  CHECK(header(m, "Content-Type") == "text/plain; charset=UTF-8");
  CHECK(header(m, "Content-Transfer-Encoding") == "quoted-printable");
  CHECK(std::regex_match(
      header(m, "Date"),
      std::regex{R"([A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d \+0000)"}));
  CHECK(m["raw"].get<std::string>().find("Subject: =?UTF-8?B?") != std::string::npos);
  CHECK(m["tls"] == false);
  CHECK(m["auth_user"].is_null());
}

TEST_CASE("email: one sender sends one message after another", "[notify][smtp]") {
  test::notify_server fake;
  smtp_sender sender{settings_for(fake)};
  for (int i = 0; i < 3; ++i) REQUIRE(sender.send(mail("k" + std::to_string(i))));
  auto plain = mail("k3");
  plain.subject = "Reminder";
  plain.body = "See you on Tuesday.";
  REQUIRE(sender.send(plain));
  auto messages = fake.messages();
  REQUIRE(messages.size() == 4);
  CHECK(messages[3]["subject"] == "Reminder");
  CHECK(messages[3]["body"] == "See you on Tuesday.\n");
  CHECK(header(messages[3], "Content-Transfer-Encoding") == "7bit");
}

TEST_CASE("email: 451 is unavailable, 550 invalid_argument, a hang a time-out", "[notify][smtp]") {
  test::notify_server fake;
  smtp_sender sender{settings_for(fake, 300ms)};
  fake.control({{"email", "fail"}});
  auto deferred = sender.send(mail("k1"));
  CHECK(code(deferred) == errc::unavailable);
  CHECK(describe(deferred.error()).find("451") != std::string::npos);
  fake.control({{"email", "reject"}});
  auto refused = sender.send(mail("k2"));
  CHECK(code(refused) == errc::invalid_argument);
  CHECK(describe(refused.error()).find(customer) == std::string::npos);
  fake.control({{"email", "hang"}});
  auto started = std::chrono::steady_clock::now();
  CHECK(code(sender.send(mail("k3"))) == errc::timeout);
  CHECK(std::chrono::steady_clock::now() - started < 1500ms);
  fake.control({{"email", "ok"}});
  CHECK(sender.send(mail("k4")));  // a fresh connection: the stuck one was shut
  auto attempts = fake.attempts();
  REQUIRE(attempts.size() == 4);
  CHECK(attempts[0]["outcome"] == "failed");
  CHECK(attempts[1]["outcome"] == "rejected");
  CHECK(attempts[2]["outcome"] == "hung");
  CHECK(attempts[3]["outcome"] == "delivered");
}

TEST_CASE("email: AUTH with the configured user; wrong or missing credentials are refused",
          "[notify][smtp]") {
  test::notify_server fake{{"", "mailer", "s3cret"}};
  auto s = settings_for(fake);
  s.smtp_user = "mailer";
  s.smtp_password = "s3cret";
  REQUIRE(smtp_sender{s}.send(mail("k1")));
  s.smtp_password = "wrong";
  auto denied = smtp_sender{s}.send(mail("k2"));
  CHECK(code(denied) == errc::invalid_argument);  // 535
  CHECK(describe(denied.error()).find("wrong") == std::string::npos);
  CHECK(code(smtp_sender{settings_for(fake)}.send(mail("k3"))) == errc::invalid_argument);  // 530
  auto messages = fake.messages();
  REQUIRE(messages.size() == 1);
  CHECK(messages[0]["auth_user"] == "mailer");
}

TEST_CASE("email: STARTTLS when the server offers it, verified against the CA file",
          "[notify][smtp]") {
  test::notify_server fake{{"", "mailer", "s3cret", test::smtp_tls::starttls}};
  auto s = settings_for(fake);
  s.smtp_user = "mailer";
  s.smtp_password = "s3cret";
  REQUIRE(smtp_sender{s, smtp_options{fake.ca_file()}}.send(mail("k1")));
  auto unknown_ca = smtp_sender{s}.send(mail("k2"));  // the system store knows no test CA
  CHECK(code(unknown_ca) == errc::unavailable);
  auto messages = fake.messages();
  REQUIRE(messages.size() == 1);
  CHECK(messages[0]["tls"] == true);
  CHECK(messages[0]["auth_user"] == "mailer");
}

TEST_CASE("email: smtps:// is TLS from the first byte", "[notify][smtp]") {
  test::notify_server fake{{"", "", "", test::smtp_tls::smtps}};
  REQUIRE(fake.smtp_url().rfind("smtps://", 0) == 0);
  REQUIRE(smtp_sender{settings_for(fake), smtp_options{fake.ca_file()}}.send(mail()));
  auto messages = fake.messages();
  REQUIRE(messages.size() == 1);
  CHECK(messages[0]["tls"] == true);
}

TEST_CASE(
    "email: a recipient that is not one address is refused before sending; nobody "
    "listening is unavailable",
    "[notify][smtp]") {
  test::notify_server fake;
  smtp_sender sender{settings_for(fake)};
  for (const auto* to : {"", "erika", "erika@example.org, other@example.org",
                         "erika@example.org\r\nBcc: x@example.org"}) {
    auto m = mail();
    m.to = to;
    CHECK(code(sender.send(m)) == errc::invalid_argument);
  }
  CHECK(fake.attempts().empty());
  auto s = settings_for(fake);
  s.smtp_url = "smtp://127.0.0.1:1";
  CHECK(code(smtp_sender{s}.send(mail())) == errc::unavailable);
}
