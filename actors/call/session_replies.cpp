#include "actors/booking/availability.hpp"
#include "actors/call/session_internal.hpp"

namespace askpro::actors::call {
namespace {

struct sentence {
  const char* code;
  const char* de;
  const char* en;
};

constexpr sentence sentences[] = {
    {"slot_taken", "Dieser Termin ist leider schon vergeben.", "That time is already taken."},
    {"outside_hours", "Zu dieser Zeit haben wir leider nicht geöffnet.",
     "We are not open at that time."},
    {"in_past", "Dieser Zeitpunkt liegt in der Vergangenheit. Welchen Tag meinen Sie?",
     "That time is in the past. Which day do you mean?"},
    {"too_soon", "So kurzfristig kann ich leider nichts buchen.",
     "That is too soon to book, I am afraid."},
    {"unknown_service", "Diese Leistung bieten wir leider nicht an.",
     "We do not offer that service."},
    {"unknown_staff", "Diese Mitarbeiterin oder diesen Mitarbeiter kenne ich leider nicht.",
     "I do not know that member of staff."},
    {"unparseable_date", "Das Datum habe ich nicht verstanden. Für welchen Tag möchten Sie?",
     "I did not catch the date. Which day would you like?"},
    {"unparseable_time", "Die Uhrzeit habe ich nicht verstanden. Um wie viel Uhr möchten Sie?",
     "I did not catch the time. What time would you like?"},
    {"not_found", "Ich habe dazu leider keinen Termin gefunden.",
     "I could not find an appointment for that."},
    {"not_yours", "Diesen Termin kann ich leider nicht für Sie ändern.",
     "I cannot change that appointment for you."},
    {"calendar_unavailable",
     "Der Kalender ist gerade nicht erreichbar. Dürfen wir Sie zurückrufen?",
     "The calendar is not available right now. May we call you back?"},
    {"unknown_function", "Das kann ich leider nicht erledigen.", "I cannot do that, I am afraid."},
    {"invalid_argument", "Da fehlt mir noch eine Angabe. Können Sie das bitte wiederholen?",
     "Something is missing. Could you repeat that, please?"},
    {"caller_unknown",
     "Ihre Rufnummer ist unterdrückt, daher kann ich Ihre Termine leider nicht finden.",
     "Your number is withheld, so I cannot look up your appointments."},
    {"phone_required", "Unter welcher Telefonnummer erreichen wir Sie?",
     "Which phone number can we reach you on?"},
    {"forbidden", "Mit diesem Zugang kann ich leider nichts ändern.",
     "This access may not change anything."},
    {"unknown_branch", "Diese Filiale kenne ich leider nicht.", "I do not know that branch."},
    {"branch_required", "Für welche Filiale möchten Sie das?",
     "Which branch would you like that for?"},
};

std::string sentence_for(const std::string& lang, const std::string& code) {
  for (const auto& s : sentences)
    if (code == s.code) return lang == "de" ? s.de : s.en;
  return say(lang, "Das hat leider nicht geklappt.", "That did not work, I am afraid.");
}

bool is_contract_code(const std::string& code) {
  for (const auto& s : sentences)
    if (code == s.code) return true;
  return false;
}

}  // namespace

function_reply ok_reply(std::string message, const nlohmann::json& data) {
  function_reply r;
  r.success = true;
  r.message = std::move(message);
  r.data_json = data.is_object() ? data.dump() : "{}";
  return r;
}

function_reply fail_reply(const std::string& lang, const std::string& code, std::string message,
                          const nlohmann::json& data) {
  function_reply r;
  r.success = false;
  r.error_code = code;
  r.message = message.empty() ? sentence_for(lang, code) : std::move(message);
  r.data_json = data.is_object() ? data.dump() : "{}";
  return r;
}

function_reply failure_of(const std::string& locale, const std::string& code) {
  return fail_reply(locale.rfind("en", 0) == 0 ? "en" : "de", code);
}

function_reply error_reply(const std::string& lang, const caf::error& err) {
  auto code = code_of(err);
  auto detail = detail_of(err);
  if (!code) return fail_reply(lang, "calendar_unavailable");
  switch (*code) {
    case errc::invalid_argument:
      return fail_reply(lang, is_contract_code(detail) ? detail : "invalid_argument");
    case errc::not_found:
      if (detail.find("service") != std::string::npos) return fail_reply(lang, "unknown_service");
      if (detail.find("staff") != std::string::npos) return fail_reply(lang, "unknown_staff");
      return fail_reply(lang, is_contract_code(detail) ? detail : "not_found");
    case errc::conflict:
      return fail_reply(lang, "not_found");
    default:
      return fail_reply(lang, "calendar_unavailable");
  }
}

std::string status_code(booking::check_status status) {
  switch (status) {
    case booking::check_status::slot_taken:
      return "slot_taken";
    case booking::check_status::in_past:
      return "in_past";
    case booking::check_status::too_soon:
      return "too_soon";
    default:
      return "outside_hours";
  }
}

}  // namespace askpro::actors::call
