#pragma once
/// The fake Cal.com (tests/fakes/calcom/fake_calcom.py) as a test fixture: started on loopback
/// port 0 as a child process (fake_process.hpp), stopped when the object goes. Its control
/// API (README beside the script) sets event types, faults and limits and reads its bookings and
/// request counts.
/// Thread-safety: one test thread. Ownership: owns the child process.

#include "tests/fakes/fake_process.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace askpro::test {

class calcom_server {
 public:
  /// Starts the fake and waits for its `LISTENING <port>` line; throws std::runtime_error when
  /// it does not come up.
  calcom_server();
  calcom_server(const calcom_server&) = delete;
  calcom_server& operator=(const calcom_server&) = delete;

  int port() const { return port_; }
  /// `http://127.0.0.1:<port>` — a `calcom.base_url`.
  std::string base_url() const;

  /// POST /_control/<what> with `body`; the answer's JSON (null for an empty body).
  nlohmann::json control(const std::string& what, const nlohmann::json& body = {});
  /// GET /_control/<what>.
  nlohmann::json read(const std::string& what);

 private:
  fake_process process_;
  int port_ = 0;
};

}  // namespace askpro::test
