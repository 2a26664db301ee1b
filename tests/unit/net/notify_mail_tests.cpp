// The text of a notification e-mail (net/notify/mail_message.hpp): Message-IDs from keys,
// encoded subjects, quoted-printable bodies, dates, CRLF line ends and no header injection.
#include "net/notify/mail_message.hpp"

#include <catch2/catch.hpp>

#include <regex>

namespace {

using namespace askpro::net::notify;

/// Whether every LF in `text` ends a CRLF.
bool crlf_only(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) ||
        (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
      return false;
  return true;
}

mail_text sample() {
  mail_text m;
  m.from = "Salon Mitte <termine@salon.example>";
  m.to = "erika@example.org";
  m.subject = "Reminder";
  m.body = "Hello Erika,\nsee you on Tuesday.";
  m.message_id = message_id_for("reminder:1:7:email");
  m.date = std::chrono::system_clock::time_point{std::chrono::seconds{1796112000}};
  return m;
}

}  // namespace

TEST_CASE("a Message-ID is the key made safe, distinct for distinct keys", "[notify][mail]") {
  CHECK(message_id_for("confirmation:1:7:email") == "<confirmation=3A1=3A7=3Aemail@askpro>");
  CHECK(message_id_for("a_b-C9") == "<a_b-C9@askpro>");
  CHECK(message_id_for("a=3Ab") != message_id_for("a:b"));
  CHECK(message_id_for("a b.c") == "<a=20b=2Ec@askpro>");
  auto random = message_id_for("");
  CHECK(std::regex_match(random, std::regex{"<[0-9A-F]{32}@askpro>"}));
  CHECK(random != message_id_for(""));
}

TEST_CASE("a subject is RFC 2047 encoded only when it is not plain ASCII", "[notify][mail]") {
  CHECK(encode_header_text("Reminder: Tuesday 10:00") == "Reminder: Tuesday 10:00");
  CHECK(encode_header_text("Terminbestätigung") == "=?UTF-8?B?VGVybWluYmVzdMOkdGlndW5n?=");
  CHECK(encode_header_text("a =?x?= b").rfind("=?UTF-8?B?", 0) == 0);
  std::string long_subject;
  for (int i = 0; i < 40; ++i) long_subject += "ü";  // 80 bytes, 2 per character
  auto encoded = encode_header_text(long_subject);
  auto fold = encoded.find("\r\n ");
  REQUIRE(fold != std::string::npos);
  CHECK(fold <= 75);
  CHECK(encoded.substr(0, fold) ==  // 22 ü: the 23rd would not fit whole
        "=?UTF-8?B?w7zDvMO8w7zDvMO8w7zDvMO8w7zDvMO8w7zDvMO8w7zDvMO8w7zDvMO8w7w=?=");
  CHECK(encoded.size() - fold - 3 <= 75);
}

TEST_CASE("quoted-printable keeps lines short and encodes what it must", "[notify][mail]") {
  CHECK(quoted_printable("a=b\r\n") == "a=3Db\r\n");
  CHECK(quoted_printable("Grüße\r\n") == "Gr=C3=BC=C3=9Fe\r\n");
  CHECK(quoted_printable("trailing \r\nend\t") == "trailing=20\r\nend=09");
  auto long_line = quoted_printable(std::string(100, 'a') + "\r\n");
  CHECK(long_line == std::string(75, 'a') + "=\r\n" + std::string(25, 'a') + "\r\n");
  auto encoded_tail = quoted_printable(std::string(74, 'a') + "ü");
  CHECK(encoded_tail == std::string(74, 'a') + "=\r\n=C3=BC");
}

TEST_CASE("dates are RFC 5322 in UTC", "[notify][mail]") {
  using std::chrono::seconds;
  CHECK(rfc5322_date(std::chrono::system_clock::time_point{seconds{1796112000}}) ==
        "Tue, 01 Dec 2026 08:00:00 +0000");
  CHECK(rfc5322_date(std::chrono::system_clock::time_point{seconds{0}}) ==
        "Thu, 01 Jan 1970 00:00:00 +0000");
}

TEST_CASE("a plain message: every header, 7bit, CRLF line ends", "[notify][mail]") {
  auto text = render_mail(sample());
  CHECK(text ==
        "From: Salon Mitte <termine@salon.example>\r\n"
        "To: erika@example.org\r\n"
        "Subject: Reminder\r\n"
        "Date: Tue, 01 Dec 2026 08:00:00 +0000\r\n"
        "Message-ID: <reminder=3A1=3A7=3Aemail@askpro>\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=UTF-8\r\n"
        "Content-Transfer-Encoding: 7bit\r\n"
        "\r\n"
        "Hello Erika,\r\n"
        "see you on Tuesday.\r\n");
  CHECK(address_of("Salon Mitte <termine@salon.example>") == "termine@salon.example");
  CHECK(address_of("termine@salon.example") == "termine@salon.example");
}

TEST_CASE("text that is not plain ASCII goes quoted-printable; no value adds a header",
          "[notify][mail]") {
  auto m = sample();
  m.subject = "Hi\r\nBcc: someone@example.org";
  m.to = "erika@example.org\nBcc: other@example.org";
  m.body = "Grüße\r\nzweite Zeile\rdritte\n";
  auto text = render_mail(m);
  CHECK(crlf_only(text));
  CHECK(text.find("\r\nBcc:") == std::string::npos);
  CHECK(text.find("Subject: Hi  Bcc: someone@example.org\r\n") != std::string::npos);
  CHECK(text.find("Content-Transfer-Encoding: quoted-printable\r\n") != std::string::npos);
  CHECK(text.substr(text.find("\r\n\r\n") + 4) == "Gr=C3=BC=C3=9Fe\r\nzweite Zeile\r\ndritte\r\n");
}
