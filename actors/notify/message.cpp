// A rendered message as a job's payload (message.hpp). The idempotency key is not stored in the
// payload: it is the job's own key, set again when the job runs.
#include "actors/notify/message.hpp"

#include <nlohmann/json.hpp>

namespace askpro::actors::notify {

std::string to_payload(const outgoing_message& m) {
  nlohmann::json j{{"channel", m.channel}, {"to", m.to}, {"body", m.body}};
  if (!m.subject.empty()) j["subject"] = m.subject;
  if (!m.template_name.empty()) {
    j["template"] = m.template_name;
    j["language"] = m.language;
    j["parameters"] = m.parameters;
  }
  return j.dump();
}

Result<outgoing_message> from_payload(const std::string& payload) {
  auto j = nlohmann::json::parse(payload, nullptr, false);
  auto bad = [] { return make_error(errc::invalid_argument, "job payload is not a message"); };
  if (!j.is_object() || !j.contains("channel") || !j.contains("to") || !j["channel"].is_string() ||
      !j["to"].is_string())
    return bad();
  try {
    outgoing_message m;
    m.channel = j["channel"].get<std::string>();
    m.to = j["to"].get<std::string>();
    m.body = j.value("body", std::string{});
    m.subject = j.value("subject", std::string{});
    m.template_name = j.value("template", std::string{});
    m.language = j.value("language", std::string{});
    m.parameters = j.value("parameters", std::vector<std::string>{});
    return m;
  } catch (const nlohmann::json::exception&) {
    return bad();
  }
}

}  // namespace askpro::actors::notify
