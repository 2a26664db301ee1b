// The WhatsApp channel's wire format: Cloud API template messages (whatsapp_sender.hpp).
#include "net/notify/whatsapp_sender.hpp"

#include <nlohmann/json.hpp>

#include <cctype>

namespace askpro::net::notify {
namespace {

/// The Cloud API wants the number's digits without '+' or separators.
std::string digits_of(const std::string& number) {
  std::string out;
  for (char c : number)
    if (std::isdigit(static_cast<unsigned char>(c))) out.push_back(c);
  return out;
}

std::string messages_path(std::string base, const std::string& phone_number_id) {
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/" + phone_number_id + "/messages";
}

}  // namespace

std::string whatsapp_template_body(const actors::notify::outgoing_message& m) {
  nlohmann::json tmpl{{"name", m.template_name}, {"language", {{"code", m.language}}}};
  if (!m.parameters.empty()) {
    auto params = nlohmann::json::array();
    for (const auto& p : m.parameters) params.push_back({{"type", "text"}, {"text", p}});
    tmpl["components"] = nlohmann::json::array({{{"type", "body"}, {"parameters", params}}});
  }
  nlohmann::json body{{"messaging_product", "whatsapp"},
                      {"recipient_type", "individual"},
                      {"to", digits_of(m.to)},
                      {"type", "template"},
                      {"template", tmpl}};
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

whatsapp_sender::whatsapp_sender(const config::notify_settings& settings)
    : token_(settings.whatsapp_token),
      gateway_("whatsapp gateway", settings.whatsapp_url, settings.timeout) {
  path_ = messages_path(gateway_.base_path(), settings.whatsapp_phone_number_id);
}

Result<void> whatsapp_sender::send(const actors::notify::outgoing_message& m) {
  if (digits_of(m.to).empty() || m.template_name.empty() || m.language.empty())
    return make_error(errc::invalid_argument,
                      "a WhatsApp message needs a recipient, a template and a language");
  header_list headers{{"Accept", "application/json"}};
  if (!token_.empty()) headers.emplace_back("Authorization", "Bearer " + token_);
  if (!m.idempotency_key.empty()) headers.emplace_back("Idempotency-Key", m.idempotency_key);
  return gateway_.post(path_, headers, whatsapp_template_body(m), "application/json");
}

}  // namespace askpro::net::notify
