#pragma once
/// JSON-RPC 2.0 as MCP uses it (SPEC S15): one message or a batch, classified; and the
/// envelopes of results and errors. Pure translation, no I/O.
/// Thread-safety: pure functions.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace askpro::net::mcp {

/// The JSON-RPC error codes MCP uses for protocol faults.
enum rpc_code : int {
  parse_error = -32700,
  invalid_request = -32600,
  method_not_found = -32601,
  invalid_params = -32602,
  internal_error = -32603,
};

/// One message of a body.
struct rpc_message {
  enum class kind { request, notification, response, invalid } type = kind::invalid;
  nlohmann::json id;  ///< string or integer for requests and responses; null otherwise
  std::string method;
  nlohmann::json params;  ///< object, array or null
  std::string problem;    ///< why it is invalid
};

/// A parsed body: its messages, whether it was a batch (an array), or why it is not JSON.
struct rpc_body {
  std::vector<rpc_message> messages;
  bool batch = false;
  std::optional<std::string> parse_problem;  ///< set: not JSON (-32700)
};

rpc_body parse_body(const std::string& text);

/// `{"jsonrpc":"2.0","id":…,"result":…}`.
nlohmann::json rpc_result(const nlohmann::json& id, nlohmann::json result);

/// `{"jsonrpc":"2.0","id":…,"error":{"code":…,"message":…}}` (id null when unknown).
nlohmann::json rpc_error(const nlohmann::json& id, int code, const std::string& message);

}  // namespace askpro::net::mcp
