#include "net/http/guarded_server.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace askpro::net::http {
namespace {

/// How long a worker waits for the rest of a request before parking its connection: long
/// enough for a keep-alive client's next request on a busy loopback, short enough that a
/// slow client costs a worker nothing noticeable.
constexpr std::chrono::milliseconds linger{2};

}  // namespace

guarded_server::guarded_server(guard_settings settings, std::string name)
    : settings_(std::move(settings)),
      name_(std::move(name)),
      gate_(name_, [this](std::shared_ptr<conn_stream> conn) {
        auto* pool = pool_.load();
        if (pool) pool->enqueue([this, conn] { serve(conn); });
      }) {
  auto workers = static_cast<std::size_t>(std::max(1, settings_.workers));
  new_task_queue = [this, workers] {
    auto* pool = new httplib::ThreadPool(workers);
    pool_ = pool;
    return pool;
  };
}

guarded_server::~guarded_server() {
  gate_.stop();
}

bool guarded_server::process_and_close_socket(socket_t sock) {
  auto conn = std::make_shared<conn_stream>(sock, settings_.limits);
  serve(std::move(conn));
  return true;
}

header_state guarded_server::await_headers(conn_stream& conn) const {
  const auto until = conn_stream::clock::now() + linger;
  for (;;) {
    auto state = conn.headers();
    if (state != header_state::incomplete) return state;
    if (!conn.fill_now()) return header_state::closed;
    state = conn.headers();
    if (state != header_state::incomplete) return state;
    if (!conn.wait_readable_until(until)) return header_state::incomplete;
  }
}

/// Serves requests while they arrive whole; parks the connection when one does not.
void guarded_server::serve(std::shared_ptr<conn_stream> conn) {
  bool fresh = conn->requests_left() == std::max(1, settings_.limits.keep_alive_max);
  while (svr_sock_ != INVALID_SOCKET && conn->requests_left() > 0) {
    switch (await_headers(*conn)) {
      case header_state::incomplete:
        return park(std::move(conn), fresh);
      case header_state::too_large:
        return conn->reply_and_close(431, "the request's header block is too large");
      case header_state::too_many:
        return conn->reply_and_close(431, "the request has too many header fields");
      case header_state::closed:
        return;
      case header_state::complete:
        break;
    }
    if (!serve_one(*conn)) return;
    fresh = false;
  }
}

/// Parses, routes and answers one request; false when the connection must close.
bool guarded_server::serve_one(conn_stream& conn) {
  conn.begin_request();
  const bool last = conn.requests_left() == 1;
  bool closed = false;
  const bool ok = process_request(conn, last, closed, nullptr);
  const bool over = conn.body_over_limit();
  conn.end_request();
  return ok && !closed && !last && !over;
}

void guarded_server::park(std::shared_ptr<conn_stream> conn, bool fresh) {
  auto now = conn_stream::clock::now();
  auto deadline = now + (fresh ? settings_.header_timeout : settings_.keep_alive);
  if (conn->has_pending()) deadline = conn->first_byte_at() + settings_.header_timeout;
  gate_.park(std::move(conn), deadline);
}

}  // namespace askpro::net::http
