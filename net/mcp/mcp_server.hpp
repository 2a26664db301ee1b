#pragma once
/// The Model Context Protocol over Streamable HTTP (SPEC S15), without the HTTP library: what a
/// POST or DELETE of /mcp answers. Revisions 2025-11-25, 2025-06-18 and 2025-03-26 are
/// negotiated in `initialize` (an unknown one gets the newest); the session id issued there is
/// required afterwards (missing: 400, unknown or another token's: 404); an `MCP-Protocol-Version`
/// header must name the session's revision (else 400); batches are accepted where the revision
/// has them (2025-03-26 only); a body of notifications and responses only is answered 202.
/// Answers are JSON (no SSE stream: the server sends nothing of its own accord). A browser's
/// request from another origin (an `Origin` whose host is not the `Host` asked) is refused with
/// 403, against DNS rebinding.
/// Methods: initialize, ping, tools/list, tools/call; anything else -32601.
/// Thread-safety: `post` and `end` may run concurrently (the session store locks).

#include "actors/call/tool_calls.hpp"
#include "net/mcp/jsonrpc.hpp"
#include "net/mcp/mcp_sessions.hpp"
#include "net/mcp/mcp_tools.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace askpro::net::mcp {

/// The token a request authenticated with.
struct mcp_identity {
  int64_t token_id = 0;
  actors::call::tool_caller caller;
};

struct mcp_http_request {
  std::string body;
  std::optional<std::string> session_id;        ///< Mcp-Session-Id
  std::optional<std::string> protocol_version;  ///< MCP-Protocol-Version
  std::optional<std::string> accept;            ///< Accept
  std::optional<std::string> origin;            ///< Origin (browsers send it)
  std::string host;                             ///< Host
};

struct mcp_http_response {
  int status = 200;
  std::string body;                       ///< JSON; empty for 202 and 204
  std::optional<std::string> session_id;  ///< set on a successful initialize
};

/// Runs one tool in a conversation (actors/call/tool_calls.hpp run_tool, bound to its deps).
using tool_runner = std::function<Result<actors::call::function_reply>(
    const actors::call::tool_caller&, const std::string& conversation, tool_invocation)>;

/// Ends the conversations of a closed session (actors/call/tool_calls.hpp end_conversation).
using conversation_ender =
    std::function<void(const std::string& tenant_slug, const std::vector<std::string>& ids)>;

/// The revisions this server speaks, newest first.
const std::vector<std::string>& protocol_revisions();

class mcp_server {
 public:
  explicit mcp_server(std::shared_ptr<mcp_sessions> sessions) : sessions_(std::move(sessions)) {}

  mcp_http_response post(const mcp_identity& who, const mcp_http_request& req,
                         const tool_runner& run, const conversation_ender& end);

  /// DELETE: ends the session and its conversations (204; 400 without id; 404 unknown).
  mcp_http_response end(const mcp_identity& who, const mcp_http_request& req,
                        const conversation_ender& end);

 private:
  mcp_http_response initialize(const mcp_identity& who, const rpc_message& msg,
                               const conversation_ender& end);
  nlohmann::json dispatch(const mcp_identity& who, const mcp_session& session,
                          const rpc_message& msg, const tool_runner& run);
  nlohmann::json call_tool(const mcp_identity& who, const mcp_session& session,
                           const rpc_message& msg, const tool_runner& run);

  std::shared_ptr<mcp_sessions> sessions_;
};

}  // namespace askpro::net::mcp
