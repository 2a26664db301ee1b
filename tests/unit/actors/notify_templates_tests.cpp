// Notification texts: built-in German and English texts, a tenant's own text, placeholders,
// and dates and times on the branch's wall clock, across daylight-saving changes.
#include "actors/notify/message_time.hpp"
#include "actors/notify/templates.hpp"

#include <date/date.h>
#include <catch2/catch.hpp>

using namespace askpro::actors::notify;

namespace {

/// Unix ms of a UTC time.
int64_t utc_ms(int y, unsigned m, unsigned d, int hh, int mm) {
  const auto t = date::sys_days{date::year{y} / date::month{m} / date::day{d}} +
                 std::chrono::hours{hh} + std::chrono::minutes{mm};
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

message_fields appointment(int64_t start_ms) {
  message_fields f;
  f.name = "Eva";
  f.service = "Herrenhaarschnitt";
  f.branch = "Berlin Mitte";
  f.tenant = "Salon Lindenblatt";
  f.start_ms = start_ms;
  f.time_zone = "Europe/Berlin";
  return f;
}

rendered_text rendered(const notification_settings& s, const char* kind, const char* locale,
                       const message_fields& f) {
  auto out = render_message(s, kind, locale, f);
  if (!out) FAIL(askpro::describe(out.error()));
  return *out;
}

/// "date | time" of an instant in Berlin.
std::string berlin(const char* language, int64_t ms) {
  auto when = local_message_when(language, ms, "Europe/Berlin");
  if (!when) FAIL(askpro::describe(when.error()));
  return when->date + " | " + when->time;
}

}  // namespace

TEST_CASE("the language follows the tenant's locale", "[notify][templates]") {
  CHECK(message_language("de") == "de");
  CHECK(message_language("de-DE") == "de");
  CHECK(message_language("DE_at") == "de");
  CHECK(message_language("en") == "en");
  CHECK(message_language("fr-FR") == "en");
  CHECK(message_language("deu") == "en");
  CHECK(message_language("") == "en");
}

TEST_CASE("a confirmation in German and English", "[notify][templates]") {
  const auto start = utc_ms(2026, 12, 8, 13, 30);  // Tuesday 14:30 in Berlin
  auto de = rendered({}, "confirmation", "de-DE", appointment(start));
  CHECK(de.language == "de");
  CHECK(de.body ==
        "Hallo Eva, Ihr Termin bei Salon Lindenblatt ist bestätigt: Herrenhaarschnitt am "
        "Dienstag, 8. Dezember 2026 um 14:30 Uhr in Berlin Mitte.");
  CHECK(de.subject == "Terminbestätigung: Herrenhaarschnitt am Dienstag, 8. Dezember 2026");
  CHECK(de.parameters == std::vector<std::string>{"Eva", "Herrenhaarschnitt",
                                                  "Dienstag, 8. Dezember 2026", "14:30",
                                                  "Berlin Mitte"});
  auto en = rendered({}, "confirmation", "en", appointment(start));
  CHECK(en.language == "en");
  CHECK(en.body ==
        "Hello Eva, your appointment at Salon Lindenblatt is confirmed: Herrenhaarschnitt on "
        "Tuesday, 8 December 2026 at 2:30 pm in Berlin Mitte.");
  CHECK(en.subject == "Appointment confirmed: Herrenhaarschnitt on Tuesday, 8 December 2026");
}

TEST_CASE("every kind has a German and an English text and subject", "[notify][templates]") {
  for (auto kind : template_kinds()) {
    INFO(std::string{kind});
    for (const char* language : {"de", "en"}) {
      CHECK_FALSE(builtin_body(kind, language).empty());
      CHECK_FALSE(builtin_subject(kind, language).empty());
      for (const auto& p : find_placeholders(builtin_body(kind, language)))
        CHECK(is_one_of(placeholder_names(), p.name));
    }
    CHECK(builtin_body(kind, "de") != builtin_body(kind, "en"));
    CHECK(builtin_body(kind, "fr") == builtin_body(kind, "en"));
  }
  CHECK(builtin_body("welcome", "de").empty());
}

TEST_CASE("dates and times stay on the branch's wall clock across DST", "[notify][templates]") {
  // Autumn 2026: 03:00 CEST becomes 02:00 CET on Sunday, 25 October.
  CHECK(berlin("de", utc_ms(2026, 10, 24, 12, 30)) == "Samstag, 24. Oktober 2026 | 14:30");
  CHECK(berlin("de", utc_ms(2026, 10, 26, 13, 30)) == "Montag, 26. Oktober 2026 | 14:30");
  CHECK(berlin("en", utc_ms(2026, 10, 25, 0, 30)) == "Sunday, 25 October 2026 | 2:30 am");
  CHECK(berlin("en", utc_ms(2026, 10, 25, 1, 30)) == "Sunday, 25 October 2026 | 2:30 am");
  // Spring 2026: 02:00 CET becomes 03:00 CEST on Sunday, 29 March.
  CHECK(berlin("de", utc_ms(2026, 3, 29, 0, 30)) == "Sonntag, 29. März 2026 | 01:30");
  CHECK(berlin("de", utc_ms(2026, 3, 29, 1, 30)) == "Sonntag, 29. März 2026 | 03:30");
  // Late in the evening UTC is already the next day in Berlin.
  CHECK(berlin("en", utc_ms(2026, 12, 31, 23, 5)) == "Friday, 1 January 2027 | 12:05 am");
  auto reminder = rendered({}, "reminder", "en", appointment(utc_ms(2026, 10, 26, 13, 30)));
  CHECK(reminder.body ==
        "Hello Eva, a reminder of your appointment at Salon Lindenblatt: Herrenhaarschnitt on "
        "Monday, 26 October 2026 at 2:30 pm in Berlin Mitte.");
}

TEST_CASE("English times use am and pm, German ones 24 hours", "[notify][templates]") {
  CHECK(message_time("en", 0) == "12:00 am");
  CHECK(message_time("en", 9 * 60 + 5) == "9:05 am");
  CHECK(message_time("en", 12 * 60) == "12:00 pm");
  CHECK(message_time("en", 23 * 60 + 59) == "11:59 pm");
  CHECK(message_time("de", 9 * 60 + 5) == "09:05");
  CHECK(message_time("de", 0) == "00:00");
}

TEST_CASE("a tenant's text replaces the built-in body in its language", "[notify][templates]") {
  notification_settings s;
  s.templates["confirmation"]["de"] = "{tenant}: {service} am {date}, {time} Uhr. Bis dann!";
  const auto start = utc_ms(2026, 12, 8, 13, 30);
  auto de = rendered(s, "confirmation", "de", appointment(start));
  CHECK(de.body ==
        "Salon Lindenblatt: Herrenhaarschnitt am Dienstag, 8. Dezember 2026, 14:30 "
        "Uhr. Bis dann!");
  CHECK(de.subject == "Terminbestätigung: Herrenhaarschnitt am Dienstag, 8. Dezember 2026");
  auto en = rendered(s, "confirmation", "en", appointment(start));  // no English override
  CHECK(en.body.rfind("Hello Eva, your appointment", 0) == 0);
  auto other = rendered(s, "reminder", "de", appointment(start));  // other kinds unchanged
  CHECK(other.body.rfind("Hallo Eva, wir erinnern Sie", 0) == 0);
}

TEST_CASE("a callback notice says which answers are missing", "[notify][templates]") {
  message_fields f;
  f.branch = "Berlin Mitte";
  f.tenant = "Salon Lindenblatt";
  f.name = "Eva";
  f.phone = "+4915123456789";
  f.reason = "Frage zur Farbe";
  auto de = rendered({}, "callback", "de", f);
  CHECK(de.body ==
        "Rückrufbitte für Berlin Mitte: Eva bittet um Rückruf unter +4915123456789. Anliegen: "
        "Frage zur Farbe. Gewünschte Zeit: keine Angabe.");
  CHECK(de.subject == "Rückrufbitte: Eva");
  CHECK(de.parameters == std::vector<std::string>{"Eva", "+4915123456789", "Frage zur Farbe",
                                                  "keine Angabe", "Berlin Mitte"});
  f.preferred_time = "morgen ab 14 Uhr";
  f.name.clear();
  auto en = rendered({}, "callback", "en", f);
  CHECK(en.body ==
        "Callback request for Berlin Mitte: not given asks to be called back on "
        "+4915123456789. Reason: Frage zur Farbe. Preferred time: morgen ab 14 Uhr.");
}

TEST_CASE("a low-balance notice carries the balance", "[notify][templates]") {
  message_fields f;
  f.tenant = "Salon Lindenblatt";
  f.balance = "8,50 €";
  auto de = rendered({}, "low_balance", "de", f);
  CHECK(de.body.find("Das Guthaben von Salon Lindenblatt ist niedrig: 8,50 €.") == 0);
  CHECK(de.subject == "Niedriges Guthaben: Salon Lindenblatt");
  CHECK(de.parameters == std::vector<std::string>{"Salon Lindenblatt", "8,50 €"});
}

TEST_CASE("render replaces known placeholders and leaves the rest", "[notify][templates]") {
  const std::map<std::string, std::string> values{{"name", "Eva"}, {"time", "14:30"}};
  CHECK(render("Hallo {name}, {time} {time}", values) == "Hallo Eva, 14:30 14:30");
  CHECK(render("{name}{other} { name} {} {name", values) == "Eva{other} { name} {} {name");
  CHECK(render("{{name}}", values) == "{Eva}");
  CHECK(render("", values).empty());
  auto found = find_placeholders("a {name} b {x y} {preferred_time}");
  REQUIRE(found.size() == 2);
  CHECK(found[0].name == "name");
  CHECK(found[0].pos == 2);
  CHECK(found[0].size == 6);
  CHECK(found[1].name == "preferred_time");
}

TEST_CASE("an unknown kind or zone is refused", "[notify][templates]") {
  auto kind = render_message({}, "welcome", "de", appointment(0));
  REQUIRE_FALSE(kind);
  CHECK(askpro::code_of(kind.error()) == askpro::errc::invalid_argument);
  auto f = appointment(utc_ms(2026, 12, 8, 13, 30));
  f.time_zone = "Mars/Olympus";
  auto zone = render_message({}, "confirmation", "de", f);
  REQUIRE_FALSE(zone);
  CHECK(askpro::code_of(zone.error()) == askpro::errc::invalid_argument);
  f.start_ms.reset();  // no start: no zone needed, {date} and {time} are empty
  auto undated = rendered({}, "cancellation", "en", f);
  CHECK(undated.parameters.at(2).empty());
  CHECK(undated.parameters.at(3).empty());
  CHECK(parameter_order("welcome").empty());
}
