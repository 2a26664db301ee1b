#include "net/http/conn_gate.hpp"

#include <spdlog/spdlog.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <vector>

namespace askpro::net::http {

conn_gate::conn_gate(std::string name, resume_fn resume)
    : name_(std::move(name)),
      resume_(std::move(resume)),
      epoll_fd_(::epoll_create1(EPOLL_CLOEXEC)),
      wake_fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.fd = wake_fd_;
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &ev);
}

conn_gate::~conn_gate() {
  stop();
  ::close(wake_fd_);
  ::close(epoll_fd_);
}

void conn_gate::start() {
  thread_ = std::thread([this] { run(); });
}

void conn_gate::park(conn_ptr conn, clock::time_point deadline) {
  const int fd = conn->socket();
  std::lock_guard lock(mu_);
  if (stopped_) return;  // the connection closes as `conn` goes
  bool earliest = deadlines_.empty() || deadline < deadlines_.begin()->first;
  parked_[fd] = entry{std::move(conn), deadline};
  deadlines_.emplace(deadline, fd);
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLRDHUP;
  ev.data.fd = fd;
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev);
  if (earliest) {
    std::uint64_t one = 1;
    [[maybe_unused]] auto n = ::write(wake_fd_, &one, sizeof one);
  }
}

void conn_gate::stop() {
  {
    std::lock_guard lock(mu_);
    if (stopped_) return;
    stopped_ = true;
  }
  std::uint64_t one = 1;
  [[maybe_unused]] auto n = ::write(wake_fd_, &one, sizeof one);
  if (thread_.joinable()) thread_.join();
  std::map<int, entry> left;
  {
    std::lock_guard lock(mu_);
    left.swap(parked_);
    deadlines_.clear();
  }
  for (auto& [fd, e] : left) ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
}

int conn_gate::next_timeout_ms() const {
  std::lock_guard lock(mu_);
  if (deadlines_.empty()) return 1000;
  auto left = deadlines_.begin()->first - clock::now();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(left).count() + 1;
  return static_cast<int>(std::clamp<long long>(ms, 0, 1000));
}

void conn_gate::run() {
  std::array<epoll_event, 64> events{};
  for (;;) {
    int n =
        ::epoll_wait(epoll_fd_, events.data(), static_cast<int>(events.size()), next_timeout_ms());
    {
      std::lock_guard lock(mu_);
      if (stopped_) return;
    }
    for (int i = 0; i < n; ++i) {
      if (events[i].data.fd == wake_fd_) {
        std::uint64_t count = 0;
        [[maybe_unused]] auto r = ::read(wake_fd_, &count, sizeof count);
      } else {
        on_readable(events[i].data.fd);
      }
    }
    expire(clock::now());
  }
}

/// Removes `fd` from the watch; the caller decides what becomes of the connection.
conn_gate::conn_ptr conn_gate::take(int fd) {
  std::lock_guard lock(mu_);
  auto it = parked_.find(fd);
  if (it == parked_.end()) return nullptr;
  auto conn = std::move(it->second.conn);
  deadlines_.erase({it->second.deadline, fd});
  parked_.erase(it);
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
  return conn;
}

void conn_gate::on_readable(int fd) {
  conn_stream* conn = nullptr;
  {
    std::lock_guard lock(mu_);
    auto it = parked_.find(fd);
    if (it == parked_.end()) return;
    conn = it->second.conn.get();
  }
  // Only this thread touches a parked connection, so it may be read outside the lock.
  auto state = conn->fill_now() ? conn->headers() : header_state::closed;
  if (state != header_state::incomplete) settle(fd, state);
}

void conn_gate::settle(int fd, header_state state) {
  auto conn = take(fd);
  if (!conn) return;
  if (state == header_state::complete) return resume_(std::move(conn));
  if (state == header_state::too_large || state == header_state::too_many) {
    spdlog::info(
        "{} listener refused a request: {} (431)", name_,
        state == header_state::too_large ? "header block too large" : "too many header fields");
    conn->reply_and_close(431, state == header_state::too_large
                                   ? "the request's header block is too large"
                                   : "the request has too many header fields");
  }
}

void conn_gate::expire(clock::time_point now) {
  std::vector<int> due;
  {
    std::lock_guard lock(mu_);
    for (auto it = deadlines_.begin(); it != deadlines_.end() && it->first <= now; ++it)
      due.push_back(it->second);
  }
  for (int fd : due) {
    auto conn = take(fd);
    if (!conn || !conn->has_pending()) continue;  // idle: closed silently
    spdlog::info(
        "{} listener closed a connection whose request headers did not arrive in time "
        "(408)",
        name_);
    conn->reply_and_close(408, "the request's headers did not arrive in time");
  }
}

}  // namespace askpro::net::http
