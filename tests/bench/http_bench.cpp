// HTTP edge benchmark (SPEC S16): a trivial route on our tuned listener and on a cpp-httplib
// server with the library's defaults, in the same run, loopback only. Keep-alive phases with 8
// and 64 client threads show the Nagle/delayed-ACK (~40 ms) and keep-alive pinning (~5 s)
// tails; a connection-burst phase shows the listen-backlog (~1 s SYN retry) tail.
// Every loop is bounded in count and time; the whole run takes well under a minute.
#include "config/settings.hpp"
#include "net/http/server.hpp"
#include "tests/bench/bench_stats.hpp"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

using steady = std::chrono::steady_clock;
using askpro::bench::samples;

constexpr const char* host = "127.0.0.1";
constexpr auto phase_limit = std::chrono::seconds(12);
constexpr auto client_timeout = std::chrono::seconds(10);

/// A server under test on an ephemeral loopback port.
struct running_server {
  uint16_t port = 0;
  std::function<void()> stop;
};

void trivial(const httplib::Request&, httplib::Response& res) {
  res.set_content("ok", "text/plain");
}

running_server start_tuned() {
  askpro::config::http_settings settings;  // the production defaults
  settings.listen = {host, 0};
  auto server = std::make_shared<askpro::net::http::server>(settings, "bench");
  server->routes().get("/bench", trivial);
  auto port = server->start();
  if (!port) throw std::runtime_error("tuned server did not start");
  return {*port, [server] { server->stop(); }};
}

running_server start_untuned() {
  auto server = std::make_shared<httplib::Server>();  // no nodelay, backlog 5, 8 workers, 5 s
  server->Get("/bench", trivial);
  int port = server->bind_to_any_port(host);
  if (port <= 0) throw std::runtime_error("untuned server did not bind");
  auto thread = std::make_shared<std::thread>([server] { server->listen_after_bind(); });
  while (!server->is_running()) std::this_thread::yield();
  return {static_cast<uint16_t>(port), [server, thread] {
            server->stop();
            thread->join();
          }};
}

/// Counts down once per client and waits for all (C++17 has no std::latch).
class latch {
 public:
  explicit latch(int n) : left_(n) {}
  void arrive_and_wait() {
    std::unique_lock<std::mutex> lock(mtx_);
    if (--left_ == 0) cv_.notify_all();
    cv_.wait(lock, [&] { return left_ == 0; });
  }

 private:
  std::mutex mtx_;
  std::condition_variable cv_;
  int left_;
};

void timed_get(httplib::Client& client, samples& out) {
  auto t0 = steady::now();
  auto res = client.Get("/bench");
  if (res && res->status == 200)
    out.add(steady::now() - t0);
  else
    ++out.errors;
}

void configure(httplib::Client& client) {
  client.set_tcp_nodelay(true);
  client.set_connection_timeout(client_timeout);
  client.set_read_timeout(client_timeout);
}

/// One keep-alive client: `requests` on one connection, then it stays connected (idle, like a
/// proxy's connection pool) until every client of the phase is done.
samples keep_alive_client(uint16_t port, int requests, steady::time_point deadline, latch& done) {
  samples out;
  httplib::Client client(host, port);
  configure(client);
  client.set_keep_alive(true);
  for (int i = 0; i < requests && steady::now() < deadline; ++i) timed_get(client, out);
  done.arrive_and_wait();
  return out;
}

/// One burst client: `connections` fresh connections, one request each.
samples burst_client(uint16_t port, int connections, steady::time_point deadline) {
  samples out;
  for (int i = 0; i < connections && steady::now() < deadline; ++i) {
    httplib::Client client(host, port);
    configure(client);
    timed_get(client, out);
  }
  return out;
}

/// Runs `clients` threads of `work` against a fresh server and prints one row.
void run_phase(const std::string& label, const std::function<running_server()>& start, int clients,
               const std::function<samples(uint16_t, int, steady::time_point)>& work) {
  auto server = start();
  auto deadline = steady::now() + phase_limit;
  auto t0 = steady::now();
  std::vector<std::future<samples>> futures;
  for (int i = 0; i < clients; ++i)
    futures.push_back(std::async(std::launch::async, work, server.port, i, deadline));
  samples all;
  for (auto& f : futures) all.merge(f.get());
  auto wall = steady::now() - t0;
  server.stop();
  askpro::bench::print_row(label, std::move(all), wall);
}

void keep_alive_phase(const std::string& name, const std::function<running_server()>& start,
                      int clients, int requests) {
  latch done(clients);
  run_phase(name + " keep-alive x" + std::to_string(clients), start, clients,
            [&](uint16_t port, int index, steady::time_point deadline) {
              // Vary the count so not every connection ends on the server's keep-alive maximum.
              return keep_alive_client(port, requests + index % 3, deadline, done);
            });
}

void burst_phase(const std::string& name, const std::function<running_server()>& start, int clients,
                 int connections) {
  run_phase(name + " burst " + std::to_string(clients * connections) + " conns", start, clients,
            [&](uint16_t port, int, steady::time_point deadline) {
              return burst_client(port, connections, deadline);
            });
}

void run_server(const std::string& name, const std::function<running_server()>& start) {
  keep_alive_phase(name, start, 8, 100);
  keep_alive_phase(name, start, 64, 20);
  burst_phase(name, start, 100, 10);
}

}  // namespace

int main() {
  spdlog::set_level(spdlog::level::warn);  // no access-log lines in the figures
  std::printf(
      "http_bench: GET /bench on loopback; each phase on a fresh server, capped at %lld s\n",
      static_cast<long long>(phase_limit.count()));
  askpro::bench::print_header();
  try {
    run_server("untuned", start_untuned);
    run_server("tuned", start_tuned);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "http_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
