// The SMS channel's wire format: a form POST to a Twilio-style gateway (sms_sender.hpp).
#include "net/notify/sms_sender.hpp"

#include <httplib.h>

namespace askpro::net::notify {

sms_sender::sms_sender(const config::notify_settings& settings)
    : token_(settings.sms_token),
      from_(settings.sms_from),
      gateway_("sms gateway", settings.sms_url, settings.timeout) {
  path_ = gateway_.base_path().empty() ? "/" : gateway_.base_path();
}

Result<void> sms_sender::send(const actors::notify::outgoing_message& m) {
  if (m.to.empty() || m.body.empty())
    return make_error(errc::invalid_argument, "an SMS needs a recipient and a text");
  httplib::Params form{{"To", m.to}, {"Body", m.body}};
  if (!from_.empty()) form.emplace("From", from_);
  header_list headers{{"Accept", "application/json"}};
  if (!token_.empty()) headers.emplace_back("Authorization", "Bearer " + token_);
  if (!m.idempotency_key.empty()) headers.emplace_back("Idempotency-Key", m.idempotency_key);
  return gateway_.post(path_, headers, httplib::detail::params_to_query_str(form),
                       "application/x-www-form-urlencoded");
}

}  // namespace askpro::net::notify
