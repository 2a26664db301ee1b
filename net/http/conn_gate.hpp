#pragma once
/// Where connections wait between requests without holding a worker (SPEC S11: a slowloris
/// client cannot hold workers). A connection whose next request has not fully arrived is
/// parked here; one thread watches every parked socket with epoll and
/// - hands the connection back (`resume`) once the request's header block is complete;
/// - answers 431 and closes it when the block breaks `max_header_bytes` or `max_headers`;
/// - answers 408 and closes it when its deadline passes with part of a request received
///   (`http.header_timeout_s` after the request's first byte), or closes it silently when it
///   was idle (keep-alive timeout).
/// Thread-safety: `park` from any thread; `start`/`stop` from the owner's thread.
/// Ownership: holds parked connections until resumed, refused or stopped; `stop` closes them.

#include "net/http/conn_stream.hpp"

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>

namespace askpro::net::http {

class conn_gate {
 public:
  using clock = std::chrono::steady_clock;
  using conn_ptr = std::shared_ptr<conn_stream>;
  using resume_fn = std::function<void(conn_ptr)>;

  /// `name` labels the listener in logs.
  conn_gate(std::string name, resume_fn resume);
  ~conn_gate();
  conn_gate(const conn_gate&) = delete;
  conn_gate& operator=(const conn_gate&) = delete;

  /// Starts the watching thread.
  void start();

  /// Watches `conn` until its next request's header block is complete or `deadline` passes.
  /// After `stop` the connection is closed at once.
  void park(conn_ptr conn, clock::time_point deadline);

  /// Closes every parked connection and joins the thread. Idempotent.
  void stop();

 private:
  struct entry {
    conn_ptr conn;
    clock::time_point deadline;
  };

  void run();
  void on_readable(int fd);
  void expire(clock::time_point now);
  void settle(int fd, header_state state);
  int next_timeout_ms() const;
  conn_ptr take(int fd);

  std::string name_;
  resume_fn resume_;
  int epoll_fd_ = -1;
  int wake_fd_ = -1;
  mutable std::mutex mu_;
  std::map<int, entry> parked_;
  std::set<std::pair<clock::time_point, int>> deadlines_;
  bool stopped_ = false;
  std::thread thread_;
};

}  // namespace askpro::net::http
