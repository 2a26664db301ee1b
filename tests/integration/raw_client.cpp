#include "tests/integration/raw_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cerrno>

namespace askpro::testing {

raw_client::raw_client(uint16_t port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd_ >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
}

raw_client::~raw_client() {
  ::close(fd_);
}

bool raw_client::send(const std::string& bytes) {
  for (std::size_t sent = 0; sent < bytes.size();) {
    auto n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

bool raw_client::fill(std::chrono::steady_clock::time_point until) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      until - std::chrono::steady_clock::now());
  pollfd p{fd_, POLLIN, 0};
  if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
  char chunk[16384];
  auto n = ::recv(fd_, chunk, sizeof chunk, 0);
  if (n <= 0) {
    eof_ = true;
    return false;
  }
  buf_.append(chunk, static_cast<std::size_t>(n));
  return true;
}

std::string raw_client::read_response(std::chrono::milliseconds limit) {
  auto until = std::chrono::steady_clock::now() + limit;
  for (;;) {
    auto end = buf_.find("\r\n\r\n");
    if (end != std::string::npos) {
      std::size_t length = 0;
      auto at = buf_.find("Content-Length: ");
      if (at != std::string::npos && at < end) length = std::stoul(buf_.substr(at + 16));
      if (buf_.size() >= end + 4 + length) {
        auto response = buf_.substr(0, end + 4 + length);
        buf_.erase(0, end + 4 + length);
        return response;
      }
    }
    if (eof_ || !fill(until)) return {};
  }
}

bool raw_client::closed_within(std::chrono::milliseconds limit) {
  auto until = std::chrono::steady_clock::now() + limit;
  while (!eof_) {
    if (!fill(until) && !eof_) return false;
  }
  return true;
}

int status_of(const std::string& response) {
  if (response.rfind("HTTP/1.1 ", 0) != 0 || response.size() < 12) return 0;
  return std::stoi(response.substr(9, 3));
}

std::string body_of(const std::string& response) {
  auto end = response.find("\r\n\r\n");
  return end == std::string::npos ? std::string{} : response.substr(end + 4);
}

}  // namespace askpro::testing
