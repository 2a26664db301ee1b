#include "net/http/conn_stream.hpp"

#include "net/http/problem.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <string_view>

namespace askpro::net::http {
namespace {

thread_local bool limit_hit = false;

constexpr std::size_t read_chunk = 8192;

bool wait_for(int fd, short events, int timeout_ms) {
  pollfd p{fd, events, 0};
  for (;;) {
    int r = ::poll(&p, 1, timeout_ms);
    if (r < 0 && errno == EINTR) continue;
    return r > 0;
  }
}

int millis(std::chrono::milliseconds d) {
  return static_cast<int>(std::max<std::chrono::milliseconds::rep>(0, d.count()));
}

void address_of(const sockaddr_storage& sa, std::string& ip, int& port) {
  char text[INET6_ADDRSTRLEN] = {};
  if (sa.ss_family == AF_INET) {
    const auto& v4 = reinterpret_cast<const sockaddr_in&>(sa);
    ::inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
    port = ntohs(v4.sin_port);
  } else if (sa.ss_family == AF_INET6) {
    const auto& v6 = reinterpret_cast<const sockaddr_in6&>(sa);
    ::inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
    port = ntohs(v6.sin6_port);
  }
  ip = text;
}

/// Case-insensitive test whether the header block names a field `name` (lower case, with ':').
bool has_field(std::string_view block, std::string_view name) {
  std::size_t at = block.find('\n');
  while (at != std::string_view::npos && at + 1 + name.size() <= block.size()) {
    auto line = block.substr(at + 1, name.size());
    if (std::equal(line.begin(), line.end(), name.begin(),
                   [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; }))
      return true;
    at = block.find('\n', at + 1);
  }
  return false;
}

bool contains_chunked(std::string_view block) {
  std::string lower(block);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.find("chunked") != std::string::npos;
}

}  // namespace

bool body_limit_hit() {
  return limit_hit;
}

conn_stream::conn_stream(int fd, const conn_limits& limits)
    : fd_(fd), limits_(limits), requests_left_(std::max(1, limits.keep_alive_max)) {}

conn_stream::~conn_stream() {
  ::shutdown(fd_, SHUT_RDWR);
  ::close(fd_);
}

bool conn_stream::is_readable() const {
  return has_pending() || wait_for(fd_, POLLIN, millis(limits_.read_timeout));
}

bool conn_stream::is_writable() const {
  return wait_for(fd_, POLLOUT, millis(limits_.write_timeout));
}

bool conn_stream::wait_readable_until(clock::time_point deadline) const {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now());
  return wait_for(fd_, POLLIN, millis(left));
}

ssize_t conn_stream::read_socket(char* ptr, size_t size) {
  for (;;) {
    auto n = ::recv(fd_, ptr, size, 0);
    if (n < 0 && errno == EINTR) continue;
    return n;
  }
}

ssize_t conn_stream::read(char* ptr, size_t size) {
  if (!has_pending()) {
    if (!wait_for(fd_, POLLIN, millis(limits_.read_timeout))) return -1;
    if (size >= read_chunk) {
      auto n = read_socket(ptr, size);
      if (n > 0 && !meter(ptr, static_cast<std::size_t>(n))) return -1;
      return n;
    }
    compact();
    buf_.resize(read_chunk);
    auto n = read_socket(buf_.data(), read_chunk);
    buf_.resize(static_cast<std::size_t>(std::max<ssize_t>(0, n)));
    if (n <= 0) return n;
  }
  auto n = std::min(size, buf_.size() - pos_);
  if (!meter(buf_.data() + pos_, n)) return -1;
  std::memcpy(ptr, buf_.data() + pos_, n);
  pos_ += n;
  return static_cast<ssize_t>(n);
}

/// Counts body bytes (the header block passes free); false once the body breaks the limit.
bool conn_stream::meter(const char* data, std::size_t n) {
  if (header_len_ > 0) {
    auto free = std::min(header_len_, n);
    header_len_ -= free;
    data += free;
    n -= free;
  }
  if (n == 0) return true;
  std::uint64_t body = body_read_ + n;
  if (chunked_) {
    chunks_.feed(data, n);
    body = chunks_.payload();
  }
  if (body > limits_.max_body_bytes) {
    over_limit_ = limit_hit = true;
    return false;
  }
  body_read_ += n;
  return true;
}

ssize_t conn_stream::write(const char* ptr, size_t size) {
  if (!is_writable()) return -1;
  for (;;) {
    auto n = ::send(fd_, ptr, size, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    return n;
  }
}

void conn_stream::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage sa{};
  socklen_t len = sizeof sa;
  if (::getpeername(fd_, reinterpret_cast<sockaddr*>(&sa), &len) == 0) address_of(sa, ip, port);
}

void conn_stream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage sa{};
  socklen_t len = sizeof sa;
  if (::getsockname(fd_, reinterpret_cast<sockaddr*>(&sa), &len) == 0) address_of(sa, ip, port);
}

void conn_stream::compact() {
  if (pos_ == 0) return;
  buf_.erase(0, pos_);
  pos_ = 0;
}

bool conn_stream::fill_now() {
  for (;;) {
    if (buf_.size() - pos_ > limits_.max_header_bytes) return true;  // enough to judge
    compact();
    auto had = buf_.size();
    buf_.resize(had + read_chunk);
    auto n = ::recv(fd_, buf_.data() + had, read_chunk, MSG_DONTWAIT);
    buf_.resize(had + static_cast<std::size_t>(std::max<ssize_t>(0, n)));
    if (n > 0 && had == 0) first_byte_at_ = clock::now();
    if (n > 0) continue;
    if (n < 0 && errno == EINTR) continue;
    if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) peer_closed_ = true;
    return !peer_closed_ || has_pending();
  }
}

header_state conn_stream::headers() {
  std::string_view pending(buf_.data() + pos_, buf_.size() - pos_);
  auto window = pending.substr(0, limits_.max_header_bytes);
  auto end = window.find("\r\n\r\n");
  if (end == std::string_view::npos) {
    if (pending.size() >= limits_.max_header_bytes) return header_state::too_large;
    return peer_closed_ ? header_state::closed : header_state::incomplete;
  }
  auto block = window.substr(0, end + 2);
  auto lines = std::count(block.begin(), block.end(), '\n');
  if (lines - 1 > limits_.max_headers) return header_state::too_many;
  return header_state::complete;
}

void conn_stream::begin_request() {
  std::string_view pending(buf_.data() + pos_, buf_.size() - pos_);
  auto end = pending.find("\r\n\r\n");
  header_len_ = end + 4;
  auto block = pending.substr(0, header_len_);
  chunked_ = has_field(block, "transfer-encoding:") && contains_chunked(block);
  over_limit_ = limit_hit = false;
  body_read_ = 0;
  chunks_ = {};
}

void conn_stream::end_request() {
  --requests_left_;
  limit_hit = false;
  header_len_ = 0;
  first_byte_at_ = has_pending() ? clock::now() : clock::time_point{};
}

void conn_stream::reply_and_close(int status, const std::string& detail) {
  auto body = to_json(problem_for_status(status, detail));
  auto head = "HTTP/1.1 " + std::to_string(status) + " " + reason_phrase(status) +
              "\r\nContent-Type: " + problem_content_type +
              "\r\nConnection: close\r\nContent-Length: " + std::to_string(body.size()) +
              "\r\n\r\n";
  auto whole = head + body;
  for (std::size_t sent = 0; sent < whole.size();) {
    auto n = write(whole.data() + sent, whole.size() - sent);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  ::shutdown(fd_, SHUT_WR);
}

}  // namespace askpro::net::http
