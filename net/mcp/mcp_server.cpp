// The MCP Streamable HTTP exchange: sessions, revisions, batches and the four methods.
#include "net/mcp/mcp_server.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace askpro::net::mcp {
namespace {

using nlohmann::json;

constexpr int session_not_found = -32001;  // the code MCP SDKs use for an unknown session
constexpr const char* batch_revision = "2025-03-26";
constexpr const char* instructions =
    "Tools of one business's appointment calendar. Call get_current_context first; pass the "
    "caller's phone number as `phone` to tools that book, look up, cancel or move appointments. "
    "One session is one conversation: repeating a booking returns the same appointment.";

bool supported(const std::string& revision) {
  const auto& all = protocol_revisions();
  return std::find(all.begin(), all.end(), revision) != all.end();
}

/// False when an Accept header is given and admits no JSON.
bool accepts_json(const std::optional<std::string>& accept) {
  if (!accept || accept->empty()) return true;
  return accept->find("application/json") != std::string::npos ||
         accept->find("*/*") != std::string::npos ||
         accept->find("application/*") != std::string::npos;
}

/// False when a browser sent the request from a page of another origin: the Origin's host
/// (and port) must be the Host the request was sent to.
bool same_origin(const mcp_http_request& req) {
  if (!req.origin) return true;
  auto origin = *req.origin;
  auto scheme = origin.find("://");
  if (scheme == std::string::npos) return false;
  origin = origin.substr(scheme + 3);
  if (!origin.empty() && origin.back() == '/') origin.pop_back();
  return !req.host.empty() && origin == req.host;
}

mcp_http_response answer(int status, const json& body) {
  return {status, body.dump(), std::nullopt};
}

mcp_http_response refuse(int status, int code, const std::string& message) {
  return answer(status, rpc_error(nullptr, code, message));
}

const rpc_message* find_initialize(const rpc_body& body) {
  for (const auto& m : body.messages)
    if (m.type == rpc_message::kind::request && m.method == "initialize") return &m;
  return nullptr;
}

/// What stops a session's request before its messages are read; nullopt when nothing does.
std::optional<mcp_http_response> transport_fault(const mcp_session& s, const rpc_body& body,
                                                 const mcp_http_request& req) {
  if (req.protocol_version && *req.protocol_version != s.protocol)
    return refuse(400, invalid_request,
                  supported(*req.protocol_version)
                      ? "MCP-Protocol-Version differs from the session's revision " + s.protocol
                      : "unsupported MCP-Protocol-Version");
  if (body.batch && s.protocol != batch_revision)
    return refuse(400, invalid_request,
                  "JSON-RPC batches are not part of protocol revision " + s.protocol);
  return std::nullopt;
}

}  // namespace

const std::vector<std::string>& protocol_revisions() {
  static const std::vector<std::string> all{"2025-11-25", "2025-06-18", batch_revision};
  return all;
}

mcp_http_response mcp_server::post(const mcp_identity& who, const mcp_http_request& req,
                                   const tool_runner& run, const conversation_ender& end) {
  if (!same_origin(req))
    return refuse(403, invalid_request, "requests from other origins are refused");
  if (!accepts_json(req.accept))
    return refuse(406, invalid_request, "the client must accept application/json");
  const auto body = parse_body(req.body);
  if (body.parse_problem) return refuse(400, parse_error, *body.parse_problem);
  if (const auto* init = find_initialize(body)) {
    if (body.batch)
      return answer(400, rpc_error(init->id, invalid_request, "initialize must be sent alone"));
    return initialize(who, *init, end);
  }
  if (!req.session_id)
    return refuse(400, invalid_request, "the Mcp-Session-Id header is required after initialize");
  auto session = sessions_->use(*req.session_id, who.token_id);
  if (!session) return refuse(404, session_not_found, "no such session (ended or expired)");
  if (auto fault = transport_fault(*session, body, req)) return std::move(*fault);
  json replies = json::array();
  for (const auto& m : body.messages) {
    if (m.type == rpc_message::kind::invalid)
      replies.push_back(rpc_error(m.id, invalid_request, m.problem));
    else if (m.type == rpc_message::kind::request)
      replies.push_back(dispatch(who, *session, m, run));
  }
  if (replies.empty()) return {202, {}, std::nullopt};
  if (body.batch) return answer(200, replies);
  const bool invalid = body.messages.front().type == rpc_message::kind::invalid;
  return answer(invalid ? 400 : 200, replies.front());
}

mcp_http_response mcp_server::initialize(const mcp_identity& who, const rpc_message& msg,
                                         const conversation_ender& end) {
  for (const auto& gone : sessions_->sweep()) end(gone.tenant_slug, gone.conversations);
  std::string revision = protocol_revisions().front();
  if (msg.params.is_object() && msg.params.contains("protocolVersion") &&
      msg.params["protocolVersion"].is_string() &&
      supported(msg.params["protocolVersion"].get<std::string>()))
    revision = msg.params["protocolVersion"].get<std::string>();
  auto session = sessions_->open(who.token_id, who.caller.tenant_slug, revision);
  if (!session)
    return answer(503, rpc_error(msg.id, internal_error, "too many open sessions; retry later"));
  json result{
      {"protocolVersion", revision},
      {"capabilities", {{"tools", {{"listChanged", false}}}}},
      {"serverInfo", {{"name", "askpro"}, {"title", "AskPro appointments"}, {"version", "2.0.0"}}},
      {"instructions", instructions}};
  auto out = answer(200, rpc_result(msg.id, std::move(result)));
  out.session_id = session->id;
  return out;
}

json mcp_server::dispatch(const mcp_identity& who, const mcp_session& session,
                          const rpc_message& msg, const tool_runner& run) {
  if (msg.method == "ping") return rpc_result(msg.id, json::object());
  if (msg.method == "tools/list") return rpc_result(msg.id, {{"tools", tool_list()}});
  if (msg.method == "tools/call") return call_tool(who, session, msg, run);
  return rpc_error(msg.id, method_not_found, "method not found: " + msg.method);
}

json mcp_server::call_tool(const mcp_identity& who, const mcp_session& session,
                           const rpc_message& msg, const tool_runner& run) {
  auto parsed = parse_tool_call(msg.params);
  if (parsed.protocol_fault) return rpc_error(msg.id, invalid_params, *parsed.protocol_fault);
  if (parsed.input_error) return rpc_result(msg.id, *parsed.input_error);
  auto& call = *parsed.call;
  const auto conversation = sessions_->conversation(session.id, call.phone);
  auto reply = run(who.caller, conversation, std::move(call));
  if (!reply) {
    spdlog::warn("mcp: a tool could not be run: {}", describe(reply.error()));
    return rpc_error(msg.id, internal_error, "the tool could not be run; retry later");
  }
  return rpc_result(msg.id, tool_result(*reply));
}

mcp_http_response mcp_server::end(const mcp_identity& who, const mcp_http_request& req,
                                  const conversation_ender& end) {
  if (!same_origin(req))
    return refuse(403, invalid_request, "requests from other origins are refused");
  const auto& session_id = req.session_id;
  if (!session_id)
    return refuse(400, invalid_request, "the Mcp-Session-Id header names the session to end");
  auto conversations = sessions_->close(*session_id, who.token_id);
  if (!conversations) return refuse(404, session_not_found, "no such session (ended or expired)");
  end(who.caller.tenant_slug, *conversations);
  return {204, {}, std::nullopt};
}

}  // namespace askpro::net::mcp
