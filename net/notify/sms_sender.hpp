#pragma once
/// The SMS channel: a Twilio-style gateway. Each send is one form POST (`To`, `From`, `Body`,
/// UTF-8, percent-encoded) to exactly `notify.sms_url`, with `Authorization: Bearer <sms_token>`
/// (when a token is set) and the message's `Idempotency-Key`, over one keep-alive connection
/// per sender (http_gateway.hpp). `From` is `notify.sms_from` (left out when empty).
///
/// Thread-safety: none — one owner (its channel's detached actor). Ownership: owns its
/// connection. Errors of `send`: as actors/notify/message.hpp says (http_gateway.hpp has the
/// details); a message without a recipient or text is invalid_argument and is not sent.

#include "actors/notify/message.hpp"
#include "config/settings.hpp"
#include "net/notify/http_gateway.hpp"

namespace askpro::net::notify {

class sms_sender final : public actors::notify::message_sender {
 public:
  explicit sms_sender(const config::notify_settings& settings);

  [[nodiscard]] Result<void> send(const actors::notify::outgoing_message& m) override;

 private:
  std::string path_, token_, from_;
  http_gateway gateway_;
};

}  // namespace askpro::net::notify
