// The tenant file's notification settings: the company's `notifications` block and a branch's
// `notify` block. Every problem names its path; addresses and numbers are never echoed.
#include "actors/tenant/tenant_file_internal.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace askpro::actors::tenant::detail {
namespace {

constexpr std::size_t max_template_chars = 2000;

/// "a, b, c".
std::string listed(const std::vector<std::string_view>& names) {
  std::string out;
  for (auto n : names) out += (out.empty() ? "" : ", ") + std::string{n};
  return out;
}

bool language_code(const std::string& s) {
  return s.size() == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z';
}

/// Known channels, each once, in the file's order.
std::vector<std::string> parse_channels(json_reader& r, const json& v, const std::string& path) {
  std::vector<std::string> out;
  const std::string at = child_path(path, "channels");
  auto raw = r.strings(v, path, "channels");
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i].empty()) continue;
    if (!notify::is_one_of(notify::channel_names(), raw[i])) {
      r.fail(index_path(at, i), "unknown channel \"" + raw[i] + "\" (want one of " +
                                    listed(notify::channel_names()) + ")");
    } else if (std::find(out.begin(), out.end(), raw[i]) != out.end()) {
      r.fail(index_path(at, i), "channel \"" + raw[i] + "\" listed twice");
    } else {
      out.push_back(raw[i]);
    }
  }
  return out;
}

/// One template text: non-empty, bounded, only known placeholders.
std::optional<std::string> template_text(json_reader& r, const json& v, const std::string& path) {
  if (!v.is_string() || v.get_ref<const std::string&>().empty()) {
    r.fail(path, "expected a non-empty string");
    return std::nullopt;
  }
  const auto& text = v.get_ref<const std::string&>();
  if (text.size() > max_template_chars) {
    r.fail(path, "longer than " + std::to_string(max_template_chars) + " bytes");
    return std::nullopt;
  }
  const auto before = r.problem_count();
  for (const auto& p : notify::find_placeholders(text))
    if (!notify::is_one_of(notify::placeholder_names(), p.name))
      r.fail(path, "unknown placeholder {" + std::string{p.name} + "} (want one of " +
                       listed(notify::placeholder_names()) + ")");
  if (r.problem_count() != before) return std::nullopt;
  return text;
}

/// `{"de": "…", "en": "…"}` of one kind.
std::map<std::string, std::string> parse_texts(json_reader& r, const json& v,
                                               const std::string& path) {
  std::map<std::string, std::string> out;
  if (!v.is_object()) {
    r.fail(path, "expected an object");
    return out;
  }
  for (const auto& item : v.items()) {
    const std::string at = child_path(path, item.key());
    if (!language_code(item.key())) {
      r.fail(at, "not a language code (want two lower-case letters, e.g. de)");
      continue;
    }
    if (auto text = template_text(r, item.value(), at)) out[item.key()] = std::move(*text);
  }
  return out;
}

std::map<std::string, std::map<std::string, std::string>> parse_templates(json_reader& r,
                                                                          const json& v,
                                                                          const std::string& path) {
  std::map<std::string, std::map<std::string, std::string>> out;
  if (!v.is_object()) {
    r.fail(path, "expected an object");
    return out;
  }
  for (const auto& item : v.items()) {
    const std::string at = child_path(path, item.key());
    if (!notify::is_one_of(notify::template_kinds(), item.key())) {
      r.fail(at, "unknown template (want one of " + listed(notify::template_kinds()) + ")");
      continue;
    }
    auto texts = parse_texts(r, item.value(), at);
    if (!texts.empty()) out[item.key()] = std::move(texts);
  }
  return out;
}

}  // namespace

notify::notification_settings parse_notifications(json_reader& r, const json& v,
                                                  const std::string& path) {
  notify::notification_settings out;
  if (!r.object(v, path, {"channels", "reminder_hours", "templates"})) return out;
  if (r.member(v, path, "channels", false) != nullptr) out.channels = parse_channels(r, v, path);
  if (auto n = r.integer(v, path, "reminder_hours", false, 0, 720))
    out.reminder_hours = static_cast<int>(*n);
  if (const json* t = r.member(v, path, "templates", false))
    out.templates = parse_templates(r, *t, child_path(path, "templates"));
  return out;
}

notify::branch_notify parse_branch_notify(json_reader& r, const json& v, const std::string& path,
                                          const std::string& region) {
  notify::branch_notify out;
  if (!r.object(v, path, {"email", "phone"})) return out;
  if (auto email = r.text(v, path, "email", false)) {
    if (notify::plausible_email(*email))
      out.email = std::move(*email);
    else
      r.fail(child_path(path, "email"), "not an e-mail address");
  }
  if (auto phone = r.text(v, path, "phone", false))
    out.phone = e164_number(r, *phone, region, child_path(path, "phone")).value_or("");
  return out;
}

}  // namespace askpro::actors::tenant::detail
