#pragma once
/// A raw MCP client for the tests and the benchmark: JSON-RPC over Streamable HTTP to /mcp on
/// loopback, carrying the bearer token, the session id and the negotiated revision's header.
/// A request that got no HTTP answer yields status 0. Thread-safety: one client per thread.

#include <httplib.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace askpro::fakes {

struct mcp_answer {
  int status = 0;
  std::string body;
  httplib::Headers headers;
  /// The body as JSON (discarded when it is none).
  nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
};

class mcp_client {
 public:
  /// `token` empty: no Authorization header.
  mcp_client(uint16_t port, std::string token);

  /// `initialize` asking for `revision`; keeps the session id and the revision granted.
  mcp_answer initialize(const std::string& revision = "2025-11-25");
  /// A request with a fresh id.
  mcp_answer rpc(const std::string& method,
                 const nlohmann::json& params = nlohmann::json::object());
  mcp_answer notify(const std::string& method);
  /// POSTs `body` as it is; `extra` replaces default headers of the same name.
  mcp_answer raw(const std::string& body, const httplib::Headers& extra = {});
  /// tools/call: the CallToolResult; null when the answer is not a 200 JSON-RPC result.
  nlohmann::json tool(const std::string& name, const nlohmann::json& args);
  mcp_answer get();
  mcp_answer end();

  const std::string& session() const { return session_; }
  void use_session(std::string id) { session_ = std::move(id); }

 private:
  httplib::Headers headers(const httplib::Headers& extra) const;
  static mcp_answer answer_of(const httplib::Result& res);

  httplib::Client http_;
  std::string token_, session_, revision_;
  int next_id_ = 1;
};

}  // namespace askpro::fakes
