#pragma once
/// One tuned HTTP listener built from `config::http_settings` (SPEC S11, S16; DESIGN §6).
/// cpp-httplib's defaults stall under load, so the listener sets: TCP_NODELAY (no 40 ms
/// Nagle/delayed-ACK wait per keep-alive response), a listen backlog of `settings.backlog`
/// (the library compiles in 5: ~1 s SYN-retry stalls under connection bursts), a pool of
/// `settings.threads` workers, a short keep-alive timeout and count (an idle keep-alive client
/// pins a worker), read/write timeouts and the body limit (413 problem+json beyond it).
/// SO_REUSEADDR only (not the library's SO_REUSEPORT), so a taken port fails to bind.
/// Connections are served by guarded_server: slow clients wait in its gate, not on a worker,
/// and header blocks, header times and bodies (chunked too) are bounded.
///
/// Thread-safety: configure (routes, check) and start/stop from one thread; handlers run on
/// the worker threads. Ownership: owns the httplib::Server, its accept thread and workers;
/// the destructor stops and drains. Errors: `start` returns errc::unavailable when the address
/// cannot be bound, errc::internal when started twice.

#include "config/settings.hpp"
#include "net/http/conventions.hpp"
#include "net/http/guarded_server.hpp"
#include "net/http/router.hpp"
#include "runtime/error.hpp"

#include <httplib.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>

namespace askpro::net::http {

class server {
 public:
  /// `name` labels the listener in logs ("api", "ops").
  server(config::http_settings settings, std::string name);
  ~server();
  server(const server&) = delete;
  server& operator=(const server&) = delete;

  /// Where route groups register their handlers (before `start`).
  router& routes() { return router_; }

  /// A check run before routing on every request, e.g. an auth guard (before `start`).
  void set_pre_route_check(pre_route_check check) { check_ = std::move(check); }

  /// Binds `settings.listen` (port 0 picks an ephemeral port), raises the backlog and accepts
  /// on a thread of its own. Returns the bound port once the listener is accepting.
  [[nodiscard]] Result<uint16_t> start();

  /// The bound port (0 before a successful start).
  uint16_t port() const { return port_; }

  /// Stops accepting new connections, lets in-flight requests finish, joins the accept thread
  /// and the workers. Idle keep-alive connections are closed. Idempotent.
  void stop();

 private:
  void tune();
  [[nodiscard]] Result<uint16_t> bind();
  void raise_backlog() const;

  config::http_settings settings_;
  std::string name_;
  std::unique_ptr<guarded_server> svr_;
  router router_;
  pre_route_check check_;
  int listen_fd_ = -1;  ///< the socket httplib bound, kept to re-listen with our backlog
  uint16_t port_ = 0;
  std::thread accept_thread_;
  std::atomic<bool> accept_done_{false};
};

}  // namespace askpro::net::http
