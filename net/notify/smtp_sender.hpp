#pragma once
/// The e-mail channel: one message per send over SMTP with libcurl, to `notify.smtp_url`
/// (`smtp://host:port` upgrades with STARTTLS when the server offers it — CURLUSESSL_TRY — and
/// `smtps://host:port` is TLS from the start). The envelope sender is the address of
/// `notify.smtp_from`; AUTH uses `smtp_user`/`smtp_password` only when a user is set. The text
/// is mail_message.hpp's, with `Message-ID: <key@askpro>` made from the job's idempotency key.
/// The whole send (connect, TLS, AUTH, DATA) may take at most `notify.timeout`. The curl handle
/// is kept between successful sends, so its connection is reused; a failure drops both.
///
/// Thread-safety: none — one owner (its channel's detached actor); libcurl's global set-up runs
/// once per process, thread-safely. Ownership: owns its curl handle.
/// Errors of `send` (askpro::errc): invalid_argument (a 5xx SMTP reply, e.g. 550 or 535: the
/// server refused this message or our credentials; also a recipient that is not one address),
/// timeout (the time limit passed), unavailable (a 4xx reply, connection refused or closed, a
/// TLS failure). Texts carry the SMTP reply code or curl's error name, never an address.

#include "actors/notify/message.hpp"
#include "config/settings.hpp"

#include <memory>
#include <string>

namespace askpro::net::notify {

struct smtp_options {
  /// PEM file of the certificate authorities to trust instead of the system's. Tests use it for
  /// a self-signed server certificate; production leaves it empty (the system store).
  std::string ca_file;
};

class smtp_sender final : public actors::notify::message_sender {
 public:
  explicit smtp_sender(const config::notify_settings& settings, smtp_options opts = {});
  ~smtp_sender() override;
  smtp_sender(const smtp_sender&) = delete;
  smtp_sender& operator=(const smtp_sender&) = delete;

  [[nodiscard]] Result<void> send(const actors::notify::outgoing_message& m) override;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace askpro::net::notify
