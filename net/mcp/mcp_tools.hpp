#pragma once
/// The S6 functions as MCP tools (SPEC S15, contract "MCP tools"): the `tools/list` entries
/// generated from the one function table (actors/call/function_table.hpp), a `tools/call`'s
/// arguments as a function request, and a function's reply as a CallToolResult.
/// Thread-safety: pure functions over the immutable table.

#include "actors/call/call_session.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace askpro::net::mcp {

/// Every tool: name, title, description, inputSchema (JSON Schema of the arguments, plus the
/// optional `branch`), annotations (readOnlyHint).
nlohmann::json tool_list();

/// A tools/call translated: the request for the session, the caller's phone and the branch.
struct tool_invocation {
  actors::call::function_request request;
  std::optional<std::string> phone, branch;
};

/// What a tools/call's params are: a call to run, a protocol fault (-32602: no such tool,
/// params not an object), or a tool-level input error to answer with isError (an argument of
/// the wrong type, a required one missing), so the agent can correct itself.
struct tool_parse {
  std::optional<tool_invocation> call;
  std::optional<std::string> protocol_fault;
  std::optional<nlohmann::json> input_error;  ///< a CallToolResult with isError
};
tool_parse parse_tool_call(const nlohmann::json& params);

/// The CallToolResult of a reply: `content` the speakable message, `structuredContent` the
/// data (on a failure also `error.code`), `isError` on a business failure.
nlohmann::json tool_result(const actors::call::function_reply& reply);

}  // namespace askpro::net::mcp
