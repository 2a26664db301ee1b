// Choosing a notification's text and filling in its placeholders (templates.hpp).
#include "actors/notify/templates.hpp"

#include "actors/notify/message_time.hpp"

#include <cctype>

namespace askpro::actors::notify {
namespace {

using field_map = std::map<std::string, std::string>;

/// In a callback notice the branch should see that a caller gave no answer, not a gap.
void mark_missing(field_map& values, std::string_view language) {
  const std::string missing = language == "de" ? "keine Angabe" : "not given";
  for (const char* key : {"name", "phone", "reason", "preferred_time"})
    if (values[key].empty()) values[key] = missing;
}

Result<field_map> field_values(std::string_view kind, std::string_view language,
                               const message_fields& f) {
  field_map values{{"name", f.name},
                   {"service", f.service},
                   {"branch", f.branch},
                   {"tenant", f.tenant},
                   {"phone", f.phone},
                   {"reason", f.reason},
                   {"preferred_time", f.preferred_time},
                   {"balance", f.balance},
                   {"date", ""},
                   {"time", ""}};
  if (f.start_ms) {
    auto when = local_message_when(language, *f.start_ms, f.time_zone);
    if (!when) return std::move(when.error());
    values["date"] = std::move(when->date);
    values["time"] = std::move(when->time);
  }
  if (kind == "callback") mark_missing(values, language);
  return values;
}

/// The tenant's text for (kind, language), or the built-in one.
std::string_view body_text(const notification_settings& settings, std::string_view kind,
                           const std::string& language) {
  auto texts = settings.templates.find(std::string{kind});
  if (texts != settings.templates.end()) {
    auto text = texts->second.find(language);
    if (text != texts->second.end()) return text->second;
  }
  return builtin_body(kind, language);
}

}  // namespace

std::string message_language(std::string_view locale) {
  const bool german = locale.size() >= 2 &&
                      std::tolower(static_cast<unsigned char>(locale[0])) == 'd' &&
                      std::tolower(static_cast<unsigned char>(locale[1])) == 'e' &&
                      (locale.size() == 2 || locale[2] == '-' || locale[2] == '_');
  return german ? "de" : "en";
}

const std::vector<std::string_view>& parameter_order(std::string_view kind) {
  static const std::vector<std::string_view> customer{"name", "service", "date", "time", "branch"};
  static const std::vector<std::string_view> callback{"name", "phone", "reason", "preferred_time",
                                                      "branch"};
  static const std::vector<std::string_view> low_balance{"tenant", "balance"};
  static const std::vector<std::string_view> none;
  if (kind == "callback") return callback;
  if (kind == "low_balance") return low_balance;
  return is_one_of(template_kinds(), kind) ? customer : none;
}

std::string render(std::string_view text, const std::map<std::string, std::string>& values) {
  std::string out;
  std::size_t done = 0;
  for (const auto& p : find_placeholders(text)) {
    auto value = values.find(std::string{p.name});
    if (value == values.end()) continue;
    out.append(text.substr(done, p.pos - done));
    out += value->second;
    done = p.pos + p.size;
  }
  out.append(text.substr(done));
  return out;
}

Result<rendered_text> render_message(const notification_settings& settings, std::string_view kind,
                                     std::string_view locale, const message_fields& fields) {
  if (!is_one_of(template_kinds(), kind))
    return make_error(errc::invalid_argument, "unknown notification kind " + std::string{kind});
  rendered_text out;
  out.language = message_language(locale);
  auto values = field_values(kind, out.language, fields);
  if (!values) return std::move(values.error());
  out.subject = render(builtin_subject(kind, out.language), *values);
  out.body = render(body_text(settings, kind, out.language), *values);
  for (auto name : parameter_order(kind)) out.parameters.push_back((*values)[std::string{name}]);
  return out;
}

}  // namespace askpro::actors::notify
