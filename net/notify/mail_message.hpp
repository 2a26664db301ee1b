#pragma once
/// The text of one notification e-mail as it goes over SMTP (RFC 5322 with MIME, CRLF line
/// ends): From, To, Subject (an RFC 2047 encoded word when it is not plain ASCII), Date, a stable
/// Message-ID made from the job's idempotency key, MIME-Version, `Content-Type: text/plain;
/// charset=UTF-8` and a Content-Transfer-Encoding — 7bit for plain ASCII text with short lines,
/// otherwise quoted-printable (safe through any server, 8BITMIME or not). CR and LF inside header
/// values become spaces, so no text can add a header. SMTP dot-stuffing is the transport's.
///
/// Thread-safety: pure functions (message_id_for with an empty key draws random bytes).

#include <chrono>
#include <string>

namespace askpro::net::notify {

struct mail_text {
  std::string from;        ///< the From header: an address or "Name <address>" (ASCII)
  std::string to;          ///< one address
  std::string subject;     ///< UTF-8
  std::string body;        ///< UTF-8 text, any line ends
  std::string message_id;  ///< e.g. from message_id_for
  std::chrono::system_clock::time_point date;
};

/// The whole message, headers and body.
std::string render_mail(const mail_text& m);

/// `<key@askpro>` with every character of `key` other than letters, digits, '-' and '_'
/// written as =XX (so distinct keys give distinct ids); a random id when `key` is empty.
std::string message_id_for(const std::string& key);

/// The address of a mailbox written "Name <address>", or the text itself.
std::string address_of(const std::string& mailbox);

/// RFC 5322 date in UTC, e.g. "Tue, 01 Dec 2026 08:00:00 +0000".
std::string rfc5322_date(std::chrono::system_clock::time_point t);

/// A header value as is when it is printable ASCII, else RFC 2047 "=?UTF-8?B?…?=" words of at
/// most 75 characters (never splitting a character), folded onto continuation lines.
std::string encode_header_text(const std::string& text);

/// Quoted-printable (RFC 2045) of text whose lines end in CRLF: lines of at most 76 characters
/// with soft breaks, trailing blanks encoded.
std::string quoted_printable(const std::string& text);

}  // namespace askpro::net::notify
