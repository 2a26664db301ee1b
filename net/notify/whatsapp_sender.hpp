#pragma once
/// The WhatsApp channel: the WhatsApp Business Cloud API. Each send is one template message,
/// `POST {notify.whatsapp_url}/{whatsapp_phone_number_id}/messages` with
/// `Authorization: Bearer <whatsapp_token>` and the message's `Idempotency-Key`:
/// `{"messaging_product":"whatsapp","recipient_type":"individual","to":<digits of the E.164
/// number>,"type":"template","template":{"name","language":{"code"},"components":[{"type":"body",
/// "parameters":[{"type":"text","text"}…]}]}}` (no components without parameters), over one
/// keep-alive connection per sender (http_gateway.hpp).
///
/// Thread-safety: none — one owner (its channel's detached actor). Ownership: owns its
/// connection. Errors of `send`: as actors/notify/message.hpp says (http_gateway.hpp has the
/// details); a message without a recipient, template or language is invalid_argument and is
/// not sent.

#include "actors/notify/message.hpp"
#include "config/settings.hpp"
#include "net/notify/http_gateway.hpp"

namespace askpro::net::notify {

/// The request body of one template message (see above).
std::string whatsapp_template_body(const actors::notify::outgoing_message& m);

class whatsapp_sender final : public actors::notify::message_sender {
 public:
  explicit whatsapp_sender(const config::notify_settings& settings);

  [[nodiscard]] Result<void> send(const actors::notify::outgoing_message& m) override;

 private:
  std::string path_, token_;
  http_gateway gateway_;
};

}  // namespace askpro::net::notify
