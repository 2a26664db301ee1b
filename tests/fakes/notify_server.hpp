#pragma once
/// The fake notification gateways (tests/fakes/notify/fake_notify.py) as a test fixture: a
/// Twilio-style SMS gateway and the WhatsApp Cloud API on one loopback port and an SMTP sink on
/// another, started as a child process (fake_process.hpp) and stopped when the object goes. Its
/// control API (README beside the script) sets each channel's mode (ok, fail, hang, reject) and
/// reads what was delivered and attempted. With TLS it presents a self-signed certificate made
/// for it, whose file `ca_file()` names.
/// Thread-safety: one test thread. Ownership: owns the child process and the certificate.
/// Errors: the constructor and the control calls throw std::runtime_error.

#include "tests/fakes/fake_process.hpp"
#include "tests/fakes/self_signed_cert.hpp"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <utility>

namespace askpro::test {

enum class smtp_tls { none, starttls, smtps };

/// Written in order, e.g. `{"gw-token"}` or `{"", "mailer", "s3cret", smtp_tls::starttls}`.
struct notify_server_options {
  notify_server_options(std::string token = {}, std::string smtp_user = {},
                        std::string smtp_password = {}, smtp_tls tls = smtp_tls::none)
      : token(std::move(token)),
        smtp_user(std::move(smtp_user)),
        smtp_password(std::move(smtp_password)),
        tls(tls) {}

  std::string token;      ///< Bearer token both HTTP gateways require ("": none checked)
  std::string smtp_user;  ///< set: the sink requires AUTH with it and `smtp_password`
  std::string smtp_password;
  smtp_tls tls;  ///< STARTTLS offered, or TLS from the first byte (smtps)
};

class notify_server {
 public:
  explicit notify_server(notify_server_options opts = {});
  ~notify_server();
  notify_server(const notify_server&) = delete;
  notify_server& operator=(const notify_server&) = delete;

  int http_port() const { return process_.port(0); }
  int smtp_port() const { return process_.port(1); }
  /// `http://127.0.0.1:<port>/sms` — a `notify.sms_url`.
  std::string sms_url() const;
  /// `http://127.0.0.1:<port>/v17.0` — a `notify.whatsapp_url` (any phone number id works).
  std::string whatsapp_url() const;
  /// `smtp://127.0.0.1:<port>`, or `smtps://…` with smtp_tls::smtps — a `notify.smtp_url`.
  std::string smtp_url() const;
  /// The certificate the sink presents, to trust as a CA file ("" without TLS).
  std::string ca_file() const;

  /// POST /_control/mode, e.g. {"sms": "hang"}; the answer is every channel's mode.
  nlohmann::json control(const nlohmann::json& modes);
  /// POST /_control/auth, e.g. {"token": "t"} or {"smtp_user": null}.
  nlohmann::json auth(const nlohmann::json& credentials);
  /// Every delivered message, oldest first.
  nlohmann::json messages();
  /// Every request that reached a gateway (delivered, failed, hung…), oldest first.
  nlohmann::json attempts();
  /// Modes back to ok, credentials back to the options', both logs cleared.
  void reset();

 private:
  nlohmann::json call(const std::string& method, const std::string& what,
                      const nlohmann::json& body);

  notify_server_options opts_;
  std::unique_ptr<self_signed_cert> cert_;  ///< made before the process that presents it
  fake_process process_;
};

}  // namespace askpro::test
