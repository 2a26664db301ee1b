#pragma once
/// One accepted connection of a listener, as the httplib::Stream its requests are parsed from
/// (SPEC S11 "limits at the edge"). It buffers what the socket delivers so that
/// - a request's whole header block can be awaited without a worker: `fill_now` reads only what
///   has arrived and `headers` says whether the block is complete, too large
///   (`http.max_header_bytes`, request line included) or has too many fields (`http.max_headers`);
/// - every body is bounded by `http.max_body_bytes`, also one sent chunked or without a length:
///   a read beyond it fails and `body_limit_hit()` turns the library's 400 into a 413.
/// Reads and writes wait at most the read / write timeout each, like httplib's own stream.
///
/// Thread-safety: used by one thread at a time (a worker, or the connection gate while parked).
/// Ownership: owns the socket; the destructor shuts it down and closes it.

#include "net/http/chunk_meter.hpp"

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace askpro::net::http {

/// The bounds one listener applies to each connection.
struct conn_limits {
  std::size_t max_header_bytes = 16384;
  int max_headers = 100;
  std::size_t max_body_bytes = 1048576;
  std::chrono::milliseconds read_timeout{5000};
  std::chrono::milliseconds write_timeout{5000};
  int keep_alive_max = 1000;  ///< requests per connection
};

/// Where the next request's header block stands in the buffer.
enum class header_state { complete, incomplete, too_large, too_many, closed };

/// True while the current worker thread serves a request whose body broke the body limit.
bool body_limit_hit();

class conn_stream final : public httplib::Stream {
 public:
  using clock = std::chrono::steady_clock;

  conn_stream(int fd, const conn_limits& limits);
  ~conn_stream() override;
  conn_stream(const conn_stream&) = delete;
  conn_stream& operator=(const conn_stream&) = delete;

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return fd_; }

  /// Reads whatever the socket holds now, without waiting; false when the peer has closed the
  /// connection (or it failed) and nothing complete is buffered.
  bool fill_now();

  /// Waits until the socket is readable or `deadline` passes; true when readable.
  bool wait_readable_until(clock::time_point deadline) const;

  /// The state of the next request's header block in the buffer.
  header_state headers();

  /// Starts the request whose header block is complete: its body is metered from here.
  void begin_request();

  /// Ends the current request; counts it against `keep_alive_max`.
  void end_request();

  /// Requests this connection may still serve.
  int requests_left() const { return requests_left_; }

  /// Bytes of a next request already received.
  bool has_pending() const { return pos_ < buf_.size(); }

  /// When the first byte of the pending request arrived (epoch when none has).
  clock::time_point first_byte_at() const { return first_byte_at_; }

  /// True when the current request's body broke the limit (the connection must close).
  bool body_over_limit() const { return over_limit_; }

  /// Writes a problem response with `status` (408, 431, …) and `Connection: close`.
  void reply_and_close(int status, const std::string& detail);

 private:
  void compact();
  bool meter(const char* data, std::size_t n);
  ssize_t read_socket(char* ptr, size_t size);

  int fd_;
  conn_limits limits_;
  std::string buf_;
  std::size_t pos_ = 0;
  std::size_t header_len_ = 0;  ///< bytes of the current request's header block
  bool peer_closed_ = false;
  bool chunked_ = false;
  bool over_limit_ = false;
  std::uint64_t body_read_ = 0;
  chunk_meter chunks_;
  int requests_left_;
  clock::time_point first_byte_at_{};
};

}  // namespace askpro::net::http
