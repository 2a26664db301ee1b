#pragma once
/// Message texts of notifications (SPEC S10): the built-in German and English texts per kind, a
/// tenant's own texts overriding them, and rendering with the message's fields.
///
/// Kinds (`template_kinds()`): to the customer `confirmation`, `reminder`, `cancellation`,
/// `reschedule`; to the branch (its `notify` address and number) `callback` (a caller asks to be
/// called back) and `low_balance`. The language comes from the tenant's locale: "de" for German
/// locales ("de", "de-DE", "de_AT"), "en" for every other. A tenant's text for (kind, language)
/// replaces the built-in body; the e-mail subject is always the built-in one.
///
/// Placeholders (`placeholder_names()`) are written `{name}`; each is replaced by its field's
/// value, `{date}` and `{time}` by the start in the branch's zone (message_time.hpp). A field
/// that is not set renders as empty text, except in `callback`, where a missing name, phone,
/// reason or preferred time reads "keine Angabe" / "not given".
///
/// Thread-safety: pure functions. Ownership: returns new values; the built-in texts are static.
/// Errors: errc::invalid_argument for an unknown kind or, when `start_ms` is set, an unknown
/// time zone. Rendered texts carry personal data: never log them.

#include "actors/notify/notify_settings.hpp"
#include "runtime/error.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace askpro::actors::notify {

/// What a message is about. Empty members render as described above.
struct message_fields {
  std::string name;                 ///< the customer's or caller's name
  std::string service;              ///< the service's name
  std::string branch;               ///< the branch's name
  std::string tenant;               ///< the company's name
  std::string phone;                ///< the caller's number (callback)
  std::string reason;               ///< callback
  std::string preferred_time;       ///< callback, in the caller's words
  std::string balance;              ///< low_balance, already formatted ("8,50 €")
  std::optional<int64_t> start_ms;  ///< the appointment's start (Unix ms): {date} and {time}
  std::string time_zone;            ///< the branch's zone (needed when start_ms is set)
};

struct rendered_text {
  std::string subject;   ///< for e-mail
  std::string body;      ///< SMS and e-mail text
  std::string language;  ///< "de" | "en"
  /// WhatsApp template parameters in `parameter_order(kind)`.
  std::vector<std::string> parameters;
};

/// "de" when `locale`'s language is German, otherwise "en".
std::string message_language(std::string_view locale);

/// The built-in body and subject of (kind, language); language other than "de" gives English.
/// Empty for an unknown kind.
std::string_view builtin_body(std::string_view kind, std::string_view language);
std::string_view builtin_subject(std::string_view kind, std::string_view language);

/// The fields of a WhatsApp template, in order: name, service, date, time, branch for the
/// customer kinds; name, phone, reason, preferred_time, branch for `callback`; tenant, balance
/// for `low_balance`; empty for an unknown kind.
const std::vector<std::string_view>& parameter_order(std::string_view kind);

/// `text` with every placeholder found in `values` replaced; other placeholders stay verbatim.
std::string render(std::string_view text, const std::map<std::string, std::string>& values);

/// The message of `kind` for a tenant with `settings` and `locale`.
[[nodiscard]] Result<rendered_text> render_message(const notification_settings& settings,
                                                   std::string_view kind, std::string_view locale,
                                                   const message_fields& fields);

}  // namespace askpro::actors::notify
