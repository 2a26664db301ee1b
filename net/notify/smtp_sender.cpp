// The e-mail channel's wire side: one SMTP transaction per message with libcurl
// (smtp_sender.hpp).
#include "net/notify/smtp_sender.hpp"

#include "net/notify/mail_message.hpp"

#include <curl/curl.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>
#include <mutex>

namespace askpro::net::notify {
namespace {

void global_init_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

/// The message text being handed to curl.
struct upload {
  const std::string& text;
  std::size_t pos = 0;
};

size_t read_chunk(char* buffer, size_t size, size_t count, void* userp) {
  auto* u = static_cast<upload*>(userp);
  size_t n = std::min(size * count, u->text.size() - u->pos);
  std::memcpy(buffer, u->text.data() + u->pos, n);
  u->pos += n;
  return n;
}

/// Whether `to` is one bare address (nothing that could become a second one or a header).
bool one_address(const std::string& to) {
  if (to.find('@') == std::string::npos) return false;
  return std::none_of(to.begin(), to.end(), [](unsigned char c) {
    return c <= ' ' || c == '<' || c == '>' || c == ',' || c == ';' || c == 0x7f;
  });
}

caf::error curl_error(CURL* curl, CURLcode code) {
  if (code == CURLE_OPERATION_TIMEDOUT)
    return make_error(errc::timeout, "smtp server did not answer in time");
  long reply = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply);
  if (reply >= 500 && reply < 600)
    return make_error(errc::invalid_argument,
                      "smtp server refused the message: " + std::to_string(reply));
  if (reply >= 400 && reply < 500)
    return make_error(errc::unavailable,
                      "smtp server deferred the message: " + std::to_string(reply));
  return make_error(errc::unavailable,
                    std::string{"smtp server unreachable: "} + curl_easy_strerror(code));
}

}  // namespace

struct smtp_sender::impl {
  config::notify_settings settings;
  smtp_options opts;
  CURL* curl = nullptr;

  ~impl() { drop_connection(false); }

  /// Closes the handle with its connection, so the next send starts afresh. A connection
  /// `stuck` in a transaction (a time-out) is shut first: curl keeps it and would otherwise
  /// wait for the answer to a polite QUIT.
  void drop_connection(bool stuck) {
    if (!curl) return;
    curl_socket_t fd = CURL_SOCKET_BAD;
    if (stuck && curl_easy_getinfo(curl, CURLINFO_ACTIVESOCKET, &fd) == CURLE_OK &&
        fd != CURL_SOCKET_BAD)
      ::shutdown(fd, SHUT_RDWR);
    curl_easy_cleanup(curl);
    curl = nullptr;
  }

  /// The options of one transaction (the handle keeps its connection across resets).
  void configure(upload& text, curl_slist* recipients, const std::string& mail_from) {
    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, settings.smtp_url.c_str());
    curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, mail_from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_chunk);
    curl_easy_setopt(curl, CURLOPT_READDATA, &text);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(text.text.size()));
    if (!settings.smtp_user.empty()) {
      curl_easy_setopt(curl, CURLOPT_USERNAME, settings.smtp_user.c_str());
      curl_easy_setopt(curl, CURLOPT_PASSWORD, settings.smtp_password.c_str());
    }
    long limit = static_cast<long>(settings.timeout.count());
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, limit);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, limit);
    // bounds the wait for each reply, QUIT on closing included (whole seconds, rounded up)
    curl_easy_setopt(curl, CURLOPT_SERVER_RESPONSE_TIMEOUT, (limit + 999) / 1000);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    if (!opts.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, opts.ca_file.c_str());
  }
};

smtp_sender::smtp_sender(const config::notify_settings& settings, smtp_options opts)
    : impl_(std::make_unique<impl>()) {
  global_init_once();
  impl_->settings = settings;
  impl_->opts = std::move(opts);
}

smtp_sender::~smtp_sender() = default;

Result<void> smtp_sender::send(const actors::notify::outgoing_message& m) {
  if (!one_address(m.to))
    return make_error(errc::invalid_argument, "an e-mail needs one recipient address");
  if (!impl_->curl && !(impl_->curl = curl_easy_init()))
    return make_error(errc::unavailable, "smtp: curl could not make a handle");
  auto text = render_mail({impl_->settings.smtp_from, m.to, m.subject, m.body,
                           message_id_for(m.idempotency_key), std::chrono::system_clock::now()});
  upload source{text};
  auto rcpt = "<" + m.to + ">";
  curl_slist* recipients = curl_slist_append(nullptr, rcpt.c_str());
  if (!recipients) return make_error(errc::unavailable, "smtp: out of memory");
  impl_->configure(source, recipients, "<" + address_of(impl_->settings.smtp_from) + ">");
  CURLcode code = curl_easy_perform(impl_->curl);
  auto result = code == CURLE_OK ? Result<void>{} : Result<void>{curl_error(impl_->curl, code)};
  curl_easy_setopt(impl_->curl, CURLOPT_MAIL_RCPT, nullptr);
  curl_slist_free_all(recipients);
  if (!result) impl_->drop_connection(code == CURLE_OPERATION_TIMEDOUT);
  return result;
}

}  // namespace askpro::net::notify
