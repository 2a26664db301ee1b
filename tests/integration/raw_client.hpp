#pragma once
/// A raw TCP client for the edge-limit tests: it writes exactly the bytes given (slowly when
/// told), so the tests can send what a real HTTP client library refuses to (10,000 headers,
/// a header a byte at a time, chunked bodies of any size).
/// Thread-safety: one instance per thread. Ownership: owns its socket.

#include <chrono>
#include <cstdint>
#include <string>

namespace askpro::testing {

class raw_client {
 public:
  /// Connects to 127.0.0.1:port; REQUIREs success.
  explicit raw_client(uint16_t port);
  ~raw_client();
  raw_client(const raw_client&) = delete;
  raw_client& operator=(const raw_client&) = delete;

  /// Writes all of `bytes`; false when the peer has closed or reset the connection.
  bool send(const std::string& bytes);

  /// Reads one response (status line, headers and a Content-Length body); empty when the
  /// connection closed first or nothing came within `limit`.
  std::string read_response(std::chrono::milliseconds limit = std::chrono::seconds(10));

  /// True when the server closes the connection within `limit` (data before it is dropped).
  bool closed_within(std::chrono::milliseconds limit);

 private:
  bool fill(std::chrono::steady_clock::time_point until);

  int fd_ = -1;
  std::string buf_;
  bool eof_ = false;
};

/// Status code of a raw response ("HTTP/1.1 431 ..." → 431); 0 when there is none.
int status_of(const std::string& response);

/// Body of a raw response (after the blank line).
std::string body_of(const std::string& response);

}  // namespace askpro::testing
