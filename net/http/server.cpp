#include "net/http/server.hpp"

#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace askpro::net::http {
namespace {

guard_settings guard_settings_of(const config::http_settings& s) {
  guard_settings g;
  g.limits.max_header_bytes = s.max_header_bytes;
  g.limits.max_headers = s.max_headers;
  g.limits.max_body_bytes = s.max_body_bytes;
  g.limits.read_timeout = s.read_timeout;
  g.limits.write_timeout = s.write_timeout;
  g.limits.keep_alive_max = s.keep_alive_max;
  g.header_timeout = s.header_timeout;
  g.keep_alive = s.keep_alive;
  g.workers = s.threads;
  return g;
}

}  // namespace

server::server(config::http_settings settings, std::string name)
    : settings_(std::move(settings)),
      name_(std::move(name)),
      svr_(std::make_unique<guarded_server>(guard_settings_of(settings_), name_)),
      router_(*svr_) {
  tune();
}

server::~server() {
  stop();
}

void server::tune() {
  svr_->set_tcp_nodelay(true);
  svr_->set_socket_options([this](socket_t fd) {
    int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listen_fd_ = fd;
  });
  svr_->set_keep_alive_timeout(settings_.keep_alive.count());
  svr_->set_keep_alive_max_count(static_cast<std::size_t>(std::max(1, settings_.keep_alive_max)));
  svr_->set_read_timeout(settings_.read_timeout);
  svr_->set_write_timeout(settings_.write_timeout);
  svr_->set_payload_max_length(settings_.max_body_bytes);
}

Result<uint16_t> server::bind() {
  const auto& host = settings_.listen.host;
  int port = settings_.listen.port;
  if (port == 0) {
    port = svr_->bind_to_any_port(host);
  } else if (!svr_->bind_to_port(host, port)) {
    port = -1;
  }
  if (port <= 0 || listen_fd_ < 0)
    return make_error(errc::unavailable,
                      name_ + " listener cannot bind " + settings_.listen.to_string());
  return static_cast<uint16_t>(port);
}

void server::raise_backlog() const {
  // Listening again on a listening socket only changes its backlog (Linux).
  if (::listen(listen_fd_, std::max(1, settings_.backlog)) != 0)
    spdlog::warn("{} listener: cannot raise the listen backlog: {}", name_, std::strerror(errno));
}

Result<uint16_t> server::start() {
  if (accept_thread_.joinable()) return make_error(errc::internal, name_ + " already started");
  install_conventions(*svr_, router_, name_, check_);
  auto bound = bind();
  if (!bound) return bound.error();
  port_ = *bound;
  raise_backlog();
  svr_->start_gate();
  accept_thread_ = std::thread([this] {
    svr_->listen_after_bind();
    accept_done_ = true;
  });
  // httplib's stop() is a no-op until its accept loop runs: wait for it so stop() always works.
  while (!svr_->is_running() && !accept_done_) std::this_thread::yield();
  spdlog::info("{} listener on {}:{} ({} workers, backlog {})", name_, settings_.listen.host, port_,
               settings_.threads, settings_.backlog);
  return port_;
}

void server::stop() {
  if (!accept_thread_.joinable()) return;
  svr_->stop_gate();      // parked (idle or slow) connections close
  svr_->stop();           // closes the listening socket: new connections are refused
  accept_thread_.join();  // returns after the worker pool has finished in-flight requests
  spdlog::info("{} listener stopped", name_);
}

}  // namespace askpro::net::http
