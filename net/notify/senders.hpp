#pragma once
/// The senders of this node's configured notification channels, as actors/notify wants them:
/// one factory per channel whose URL is set — "sms" (sms_sender.hpp), "whatsapp"
/// (whatsapp_sender.hpp), "email" (smtp_sender.hpp) — in that order. Each factory makes a fresh
/// sender with its own connection.
///
/// Thread-safety: the factories copy the settings and may be called from any thread; each sender
/// has one owner. Errors: none here (a sender reports its own on `send`).

#include "actors/notify/message.hpp"
#include "config/settings.hpp"

namespace askpro::net::notify {

actors::notify::channel_senders make_senders(const config::notify_settings& settings);

}  // namespace askpro::net::notify
