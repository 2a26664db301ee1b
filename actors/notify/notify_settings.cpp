// Notification settings: the vocabulary lists, placeholder scanning, the e-mail plausibility
// check and the stored JSON form (notify_settings.hpp: pure functions; corrupt stored text is
// errc::invalid_argument, naming the key only).
#include "actors/notify/notify_settings.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace askpro::actors::notify {
namespace {

using json = nlohmann::json;

constexpr std::size_t max_placeholder_name = 32;

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool local_part_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u > 0x20 && u != 0x7f &&
         std::string_view{"\"(),:;<>[\\]@"}.find(c) == std::string_view::npos;
}

bool domain_label(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
    return false;
  return std::all_of(label.begin(), label.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || (word_char(c) && c != '_') || c == '-';
  });
}

Result<json> object_of(std::string_view text, const char* what) {
  auto j = json::parse(text.begin(), text.end(), nullptr, false);
  if (!j.is_object()) return make_error(errc::invalid_argument, std::string{what} + " unreadable");
  return j;
}

caf::error bad(const char* what, const char* key) {
  return make_error(errc::invalid_argument, std::string{what} + ": bad " + key);
}

/// `{"kind": {"de": "text"}}` into `out`; false when the shape is wrong.
bool read_templates(const json& j, std::map<std::string, std::map<std::string, std::string>>& out) {
  if (!j.is_object()) return false;
  for (const auto& [kind, texts] : j.items()) {
    if (!texts.is_object()) return false;
    for (const auto& [language, text] : texts.items()) {
      if (!text.is_string()) return false;
      out[kind][language] = text.get<std::string>();
    }
  }
  return true;
}

/// A string member of `j` into `out` (absent: unchanged); false when it is not a string.
bool read_text(const json& j, const char* key, std::string& out) {
  auto it = j.find(key);
  if (it == j.end()) return true;
  if (!it->is_string()) return false;
  out = it->get<std::string>();
  return true;
}

}  // namespace

const std::vector<std::string_view>& channel_names() {
  static const std::vector<std::string_view> names{"sms", "whatsapp", "email"};
  return names;
}

const std::vector<std::string_view>& template_kinds() {
  static const std::vector<std::string_view> kinds{"confirmation", "reminder", "cancellation",
                                                   "reschedule",   "callback", "low_balance"};
  return kinds;
}

const std::vector<std::string_view>& placeholder_names() {
  static const std::vector<std::string_view> names{"name",           "service", "date",  "time",
                                                   "branch",         "tenant",  "phone", "reason",
                                                   "preferred_time", "balance"};
  return names;
}

bool is_one_of(const std::vector<std::string_view>& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

bool plausible_email(std::string_view text) {
  const auto at = text.find('@');
  if (at == std::string_view::npos || at == 0 || at > 64 || text.size() > 254) return false;
  const auto local = text.substr(0, at);
  if (!std::all_of(local.begin(), local.end(), local_part_char)) return false;
  const auto domain = text.substr(at + 1);
  if (domain.find('.') == std::string_view::npos) return false;
  for (std::size_t start = 0;;) {
    const auto dot = domain.find('.', start);
    if (!domain_label(domain.substr(start, dot == std::string_view::npos ? dot : dot - start)))
      return false;
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

std::vector<placeholder> find_placeholders(std::string_view text) {
  std::vector<placeholder> out;
  for (std::size_t open = text.find('{'); open != std::string_view::npos;
       open = text.find('{', open + 1)) {
    std::size_t end = open + 1;
    while (end < text.size() && word_char(text[end])) ++end;
    const std::size_t length = end - open - 1;
    if (end < text.size() && text[end] == '}' && length > 0 && length <= max_placeholder_name)
      out.push_back({text.substr(open + 1, length), open, length + 2});
  }
  return out;
}

std::string to_json_text(const notification_settings& s) {
  json j = json::object();
  j["channels"] = s.channels;
  j["reminder_hours"] = s.reminder_hours;
  j["templates"] = json::object();
  for (const auto& [kind, texts] : s.templates)
    for (const auto& [language, text] : texts) j["templates"][kind][language] = text;
  return j.dump();
}

std::string to_json_text(const branch_notify& n) {
  json j = json::object();
  if (!n.email.empty()) j["email"] = n.email;
  if (!n.phone.empty()) j["phone"] = n.phone;
  return j.dump();
}

Result<notification_settings> notification_settings_from_json(std::string_view text) {
  constexpr const char* what = "notification settings";
  auto j = object_of(text, what);
  if (!j) return std::move(j.error());
  notification_settings out;
  if (auto it = j->find("channels"); it != j->end()) {
    if (!it->is_array()) return bad(what, "channels");
    out.channels.clear();
    for (const auto& c : *it) {
      if (!c.is_string()) return bad(what, "channels");
      out.channels.push_back(c.get<std::string>());
    }
  }
  if (auto it = j->find("reminder_hours"); it != j->end()) {
    if (!it->is_number_integer()) return bad(what, "reminder_hours");
    out.reminder_hours = it->get<int>();
  }
  if (auto it = j->find("templates"); it != j->end() && !read_templates(*it, out.templates))
    return bad(what, "templates");
  return out;
}

Result<branch_notify> branch_notify_from_json(std::string_view text) {
  constexpr const char* what = "branch notify settings";
  auto j = object_of(text, what);
  if (!j) return std::move(j.error());
  branch_notify out;
  if (!read_text(*j, "email", out.email)) return bad(what, "email");
  if (!read_text(*j, "phone", out.phone)) return bad(what, "phone");
  return out;
}

}  // namespace askpro::actors::notify
