#pragma once
/// httplib's server with the edge limits of SPEC S11 in front of its request parser.
/// It replaces the library's per-connection loop (process_and_close_socket, the extension
/// point its TLS server uses) with one that
/// - never lets a worker wait for a slow client: a connection whose next request has not fully
///   arrived within a short linger is parked in the connection gate (conn_gate.hpp) and comes
///   back to a worker only with its whole header block buffered;
/// - refuses header blocks over `max_header_bytes` or with more than `max_headers` fields (431)
///   and requests whose headers take longer than `header_timeout` (408);
/// - bounds every body, chunked ones included, by `max_body_bytes` (conn_stream.hpp).
/// Requests are then parsed and routed by the library as before.
///
/// Thread-safety: configure and start_gate/stop_gate from the owner's thread; connections are
/// served on the worker pool. Ownership: owns the gate and (through httplib) the worker pool.

#include "net/http/conn_gate.hpp"
#include "net/http/conn_stream.hpp"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>

namespace askpro::net::http {

/// Everything the connection loop needs besides the library's own settings.
struct guard_settings {
  conn_limits limits;
  std::chrono::milliseconds header_timeout{10000};  ///< first byte to end of headers
  std::chrono::milliseconds keep_alive{2000};       ///< idle time between requests
  int workers = 8;
};

class guarded_server final : public httplib::Server {
 public:
  guarded_server(guard_settings settings, std::string name);
  ~guarded_server() override;

  /// Starts the gate's thread (before the listener accepts).
  void start_gate() { gate_.start(); }

  /// Closes parked connections and stops the gate (before the listener stops).
  void stop_gate() { gate_.stop(); }

 private:
  bool process_and_close_socket(socket_t sock) override;
  void serve(std::shared_ptr<conn_stream> conn);
  header_state await_headers(conn_stream& conn) const;
  bool serve_one(conn_stream& conn);
  void park(std::shared_ptr<conn_stream> conn, bool fresh);

  guard_settings settings_;
  std::string name_;
  std::atomic<httplib::TaskQueue*> pool_{nullptr};
  conn_gate gate_;
};

}  // namespace askpro::net::http
