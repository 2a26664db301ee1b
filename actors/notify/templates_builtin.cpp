// The built-in texts of every notification kind, German and English (templates.hpp).
#include "actors/notify/templates.hpp"

#include <array>

namespace askpro::actors::notify {
namespace {

struct builtin_text {
  std::string_view kind;
  std::string_view de_subject, de_body;
  std::string_view en_subject, en_body;
};

constexpr std::array<builtin_text, 6> builtin_texts{{
    {"confirmation", "Terminbestätigung: {service} am {date}",
     "Hallo {name}, Ihr Termin bei {tenant} ist bestätigt: {service} am {date} um {time} Uhr "
     "in {branch}.",
     "Appointment confirmed: {service} on {date}",
     "Hello {name}, your appointment at {tenant} is confirmed: {service} on {date} at {time} "
     "in {branch}."},
    {"reminder", "Terminerinnerung: {service} am {date}",
     "Hallo {name}, wir erinnern Sie an Ihren Termin bei {tenant}: {service} am {date} um "
     "{time} Uhr in {branch}.",
     "Appointment reminder: {service} on {date}",
     "Hello {name}, a reminder of your appointment at {tenant}: {service} on {date} at {time} "
     "in {branch}."},
    {"cancellation", "Termin storniert: {service} am {date}",
     "Hallo {name}, Ihr Termin bei {tenant} ({service} am {date} um {time} Uhr in {branch}) "
     "wurde storniert.",
     "Appointment cancelled: {service} on {date}",
     "Hello {name}, your appointment at {tenant} ({service} on {date} at {time} in {branch}) "
     "has been cancelled."},
    {"reschedule", "Termin verlegt: {service} am {date}",
     "Hallo {name}, Ihr Termin bei {tenant} wurde verlegt: {service} jetzt am {date} um {time} "
     "Uhr in {branch}.",
     "Appointment moved: {service} on {date}",
     "Hello {name}, your appointment at {tenant} has been moved: {service} now on {date} at "
     "{time} in {branch}."},
    {"callback", "Rückrufbitte: {name}",
     "Rückrufbitte für {branch}: {name} bittet um Rückruf unter {phone}. Anliegen: {reason}. "
     "Gewünschte Zeit: {preferred_time}.",
     "Callback request: {name}",
     "Callback request for {branch}: {name} asks to be called back on {phone}. Reason: "
     "{reason}. Preferred time: {preferred_time}."},
    {"low_balance", "Niedriges Guthaben: {tenant}",
     "Das Guthaben von {tenant} ist niedrig: {balance}. Bitte laden Sie es auf, damit Anrufe "
     "weiter angenommen werden.",
     "Low balance: {tenant}",
     "The balance of {tenant} is low: {balance}. Please top it up so that calls keep being "
     "answered."},
}};

const builtin_text* find_builtin(std::string_view kind) {
  for (const auto& t : builtin_texts)
    if (t.kind == kind) return &t;
  return nullptr;
}

}  // namespace

std::string_view builtin_body(std::string_view kind, std::string_view language) {
  const builtin_text* t = find_builtin(kind);
  if (t == nullptr) return {};
  return language == "de" ? t->de_body : t->en_body;
}

std::string_view builtin_subject(std::string_view kind, std::string_view language) {
  const builtin_text* t = find_builtin(kind);
  if (t == nullptr) return {};
  return language == "de" ? t->de_subject : t->en_subject;
}

}  // namespace askpro::actors::notify
