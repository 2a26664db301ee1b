#pragma once
/// One rendered message to one recipient on one channel, and the sender that puts it on the
/// wire. actors/notify decides what to send and when; implementations (net/notify) only speak a
/// gateway's wire format.
///
/// Thread-safety: a `message_sender` has one owner at a time (its channel's detached actor).
/// Ownership: a factory makes a fresh sender owned by the caller.
/// Errors of `send` (askpro::errc): unavailable (5xx, connection refused, an unreadable answer),
/// timeout (no answer in time), invalid_argument (the gateway refused this message with a 4xx;
/// sending it again will not help). Messages carry personal data: never logged.

#include "runtime/error.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace askpro::actors::notify {

struct outgoing_message {
  std::string channel;                  ///< sms | whatsapp | email
  std::string to;                       ///< E.164 (sms, whatsapp) or an e-mail address
  std::string subject;                  ///< e-mail only
  std::string body;                     ///< the rendered text (sms, e-mail)
  std::string template_name;            ///< WhatsApp: the approved template, e.g. "confirmation"
  std::string language;                 ///< WhatsApp: the template's language code, e.g. "de"
  std::vector<std::string> parameters;  ///< WhatsApp: the body's parameters in order
  std::string idempotency_key;  ///< the job's key: Idempotency-Key header, e-mail Message-ID
};

class message_sender {
 public:
  virtual ~message_sender() = default;
  /// Sends `m`; any 2xx (or the SMTP server's acceptance) means sent.
  [[nodiscard]] virtual Result<void> send(const outgoing_message& m) = 0;
};

using sender_factory = std::function<std::unique_ptr<message_sender>()>;

/// The senders of the channels this node has configured, by channel name.
struct channel_senders {
  std::vector<std::pair<std::string, sender_factory>> channels;
  bool has(const std::string& channel) const {
    for (const auto& [name, f] : channels)
      if (name == channel) return true;
    return false;
  }
};

/// A message as a job payload (JSON text) and back. Errors: invalid_argument for a payload
/// that is not such a message.
[[nodiscard]] std::string to_payload(const outgoing_message& m);
[[nodiscard]] Result<outgoing_message> from_payload(const std::string& payload);

}  // namespace askpro::actors::notify
