// Rendering a notification e-mail (mail_message.hpp).
#include "net/notify/mail_message.hpp"

#include <openssl/evp.h>

#include <array>
#include <cstdio>
#include <ctime>
#include <random>

namespace askpro::net::notify {
namespace {

constexpr std::size_t max_word_bytes = 45;  // 60 base64 characters: a 72-character word
constexpr std::size_t max_qp_line = 76;
constexpr std::size_t max_7bit_line = 998;

std::string base64(const std::string& raw) {
  std::string out(4 * ((raw.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(raw.data()),
                          static_cast<int>(raw.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::string hex_byte(unsigned char c) {
  static constexpr char digits[] = "0123456789ABCDEF";
  return {digits[c >> 4], digits[c & 15]};
}

/// `text` with CR and LF replaced by spaces (a header value stays one header).
std::string one_line(std::string text) {
  for (auto& c : text)
    if (c == '\r' || c == '\n') c = ' ';
  return text;
}

/// `text` with every line ending in CRLF, the last one included.
std::string crlf_lines(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32 + 2);
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r' || c == '\n') {
      out += "\r\n";
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out.push_back(c);
    }
  }
  if (out.size() < 2 || out.compare(out.size() - 2, 2, "\r\n") != 0) out += "\r\n";
  return out;
}

/// Whether CRLF-lined `text` may go as 7bit: ASCII without control characters, short lines.
bool plain_7bit(const std::string& text) {
  std::size_t line = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      line = 0;
      ++i;
      continue;
    }
    if (c >= 0x80 || (c < 0x20 && c != '\t') || c == 0x7f || ++line > max_7bit_line) return false;
  }
  return true;
}

/// One line (no CRLF) in quoted-printable, soft-broken at 76 characters.
void qp_line(const std::string& line, std::string& out) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    auto c = static_cast<unsigned char>(line[i]);
    bool last = i + 1 == line.size();
    bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last);
    std::string token = literal ? std::string(1, static_cast<char>(c)) : "=" + hex_byte(c);
    std::size_t room = last ? max_qp_line : max_qp_line - 1;  // keep room for a soft break
    if (width + token.size() > room) {
      out += "=\r\n";
      width = 0;
    }
    out += token;
    width += token.size();
  }
}

}  // namespace

std::string quoted_printable(const std::string& text) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find("\r\n", start);
    if (end == std::string::npos) end = text.size();
    qp_line(text.substr(start, end - start), out);
    if (end < text.size()) out += "\r\n";
    start = end + 2;
  }
  return out;
}

std::string encode_header_text(const std::string& raw) {
  auto text = one_line(raw);
  bool plain = text.find("=?") == std::string::npos;
  for (unsigned char c : text) plain = plain && c >= 0x20 && c < 0x7f;
  if (plain) return text;
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t n = std::min(max_word_bytes, text.size() - i);
    while (i + n < text.size() && n > 1 && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80)
      --n;  // never split a UTF-8 sequence
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(text.substr(i, n)) + "?=";
    i += n;
  }
  return out;
}

std::string rfc5322_date(std::chrono::system_clock::time_point t) {
  static constexpr std::array<const char*, 7> days{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::time_t secs = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  ::gmtime_r(&secs, &tm);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday],
                tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string message_id_for(const std::string& key) {
  std::string local;
  for (unsigned char c : key) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '_';
    local += plain ? std::string(1, static_cast<char>(c)) : "=" + hex_byte(c);
  }
  if (local.empty()) {
    std::random_device rd;
    for (int i = 0; i < 16; ++i) local += hex_byte(static_cast<unsigned char>(rd()));
  }
  return "<" + local + "@askpro>";
}

std::string address_of(const std::string& mailbox) {
  auto open = mailbox.rfind('<');
  auto close = mailbox.rfind('>');
  if (open != std::string::npos && close != std::string::npos && close > open)
    return mailbox.substr(open + 1, close - open - 1);
  return mailbox;
}

std::string render_mail(const mail_text& m) {
  auto body = crlf_lines(m.body);
  bool plain = plain_7bit(body);
  std::string out;
  out += "From: " + one_line(m.from) + "\r\n";
  out += "To: " + one_line(m.to) + "\r\n";
  out += "Subject: " + encode_header_text(m.subject) + "\r\n";
  out += "Date: " + rfc5322_date(m.date) + "\r\n";
  out += "Message-ID: " + one_line(m.message_id) + "\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += std::string{"Content-Transfer-Encoding: "} + (plain ? "7bit" : "quoted-printable") +
         "\r\n\r\n";
  out += plain ? body : quoted_printable(body);
  return out;
}

}  // namespace askpro::net::notify
