#pragma once
/// A tenant's notification settings (SPEC S10, contract.md "Tenant file additions") as plain
/// values, the vocabulary they are checked against, and their stored form: the normalised JSON
/// text in companies.notifications and branches.notify. Kept apart from tenant loading so that
/// actors/notify can use the settings without the tenant file or the catalog.
///
/// Thread-safety: plain values and pure functions. Ownership: everything returned is a new
/// value (the vocabulary lists are static and live for the program). Errors: the `*_from_json`
/// readers answer errc::invalid_argument for text that is not such an object; the details name
/// the key, never a value (addresses and numbers are personal data).

#include "runtime/error.hpp"

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace askpro::actors::notify {

/// The company's `notifications` block. Defaults are those of a file without the block.
struct notification_settings {
  /// Customer channels in the file's order ("sms" | "whatsapp" | "email"); empty: the tenant
  /// sends customers nothing.
  std::vector<std::string> channels{"sms", "email"};
  /// A reminder this many hours before the start; 0: no reminders (at most 720).
  int reminder_hours = 24;
  /// The tenant's own texts: template kind -> language ("de") -> text with placeholders.
  std::map<std::string, std::map<std::string, std::string>> templates;

  bool operator==(const notification_settings& o) const {
    return channels == o.channels && reminder_hours == o.reminder_hours && templates == o.templates;
  }
};

/// A branch's `notify` block: where callback requests and low-balance notices go. Empty
/// members: that way is not used.
struct branch_notify {
  std::string email;  ///< an e-mail address
  std::string phone;  ///< E.164

  bool empty() const { return email.empty() && phone.empty(); }
  bool operator==(const branch_notify& o) const { return email == o.email && phone == o.phone; }
};

/// "sms", "whatsapp", "email".
const std::vector<std::string_view>& channel_names();
/// "confirmation", "reminder", "cancellation", "reschedule", "callback", "low_balance".
const std::vector<std::string_view>& template_kinds();
/// "name", "service", "date", "time", "branch", "tenant", "phone", "reason", "preferred_time",
/// "balance" (written `{name}` in a text).
const std::vector<std::string_view>& placeholder_names();

/// True when `name` is in `list`.
bool is_one_of(const std::vector<std::string_view>& list, std::string_view name);

/// True when `text` looks like an e-mail address: one '@' between a local part (at most 64
/// characters, no blanks, controls or any of `"(),:;<>[\]`) and a domain of dot-separated
/// labels (letters, digits, '-' or non-ASCII; at least two labels); at most 254 characters.
bool plausible_email(std::string_view text);

/// One `{word}` in a template text: `word` is 1–32 characters of [A-Za-z0-9_]. Any other brace
/// (`{`, `{ }`, `}`) is literal text.
struct placeholder {
  std::string_view name;  ///< without the braces
  std::size_t pos = 0;    ///< offset of '{'
  std::size_t size = 0;   ///< length including the braces
};

/// The placeholders of `text` in order (views into `text`).
std::vector<placeholder> find_placeholders(std::string_view text);

/// The stored form: `{"channels":[…],"reminder_hours":N,"templates":{…}}`, keys sorted, so equal
/// settings give equal text.
std::string to_json_text(const notification_settings& s);
/// The stored form: `{"email":…,"phone":…}` with the non-empty members; `{}` when empty.
std::string to_json_text(const branch_notify& n);

/// Reads the stored form; missing keys take the defaults (`{}` = defaults).
[[nodiscard]] Result<notification_settings> notification_settings_from_json(std::string_view text);
/// Reads the stored form; `{}` = nowhere.
[[nodiscard]] Result<branch_notify> branch_notify_from_json(std::string_view text);

}  // namespace askpro::actors::notify
