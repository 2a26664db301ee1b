// One sender factory per configured notification channel (senders.hpp).
#include "net/notify/senders.hpp"

#include "net/notify/sms_sender.hpp"
#include "net/notify/smtp_sender.hpp"
#include "net/notify/whatsapp_sender.hpp"

namespace askpro::net::notify {
namespace {

template <class Sender>
actors::notify::sender_factory factory_of(const config::notify_settings& settings) {
  return [settings]() -> std::unique_ptr<actors::notify::message_sender> {
    return std::make_unique<Sender>(settings);
  };
}

}  // namespace

actors::notify::channel_senders make_senders(const config::notify_settings& settings) {
  actors::notify::channel_senders out;
  if (settings.sms()) out.channels.emplace_back("sms", factory_of<sms_sender>(settings));
  if (settings.whatsapp())
    out.channels.emplace_back("whatsapp", factory_of<whatsapp_sender>(settings));
  if (settings.email()) out.channels.emplace_back("email", factory_of<smtp_sender>(settings));
  return out;
}

}  // namespace askpro::net::notify
