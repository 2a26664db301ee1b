// JSON-RPC 2.0 messages: classification and envelopes (jsonrpc.hpp).
#include "net/mcp/jsonrpc.hpp"

namespace askpro::net::mcp {
namespace {

using nlohmann::json;

bool valid_id(const json& id) {
  return id.is_string() || id.is_number_integer() || id.is_number_unsigned();
}

rpc_message invalid(json id, std::string problem) {
  rpc_message m;
  m.id = valid_id(id) ? std::move(id) : json{};
  m.problem = std::move(problem);
  return m;
}

rpc_message classify(const json& j) {
  if (!j.is_object()) return invalid(nullptr, "a message must be a JSON object");
  const json id = j.contains("id") ? j["id"] : json{};
  if (!j.contains("jsonrpc") || j["jsonrpc"] != "2.0")
    return invalid(id, "\"jsonrpc\" must be \"2.0\"");
  if (j.contains("result") || j.contains("error")) {
    if (!valid_id(id)) return invalid(nullptr, "a response needs a string or integer id");
    rpc_message m;
    m.type = rpc_message::kind::response;
    m.id = id;
    return m;
  }
  if (!j.contains("method") || !j["method"].is_string())
    return invalid(id, "\"method\" must be a string");
  rpc_message m;
  m.method = j["method"].get<std::string>();
  m.params = j.contains("params") ? j["params"] : json{};
  if (!m.params.is_null() && !m.params.is_object() && !m.params.is_array())
    return invalid(id, "\"params\" must be an object");
  if (!j.contains("id")) {
    m.type = rpc_message::kind::notification;
    return m;
  }
  if (!valid_id(id)) return invalid(nullptr, "\"id\" must be a string or an integer");
  m.type = rpc_message::kind::request;
  m.id = id;
  return m;
}

}  // namespace

rpc_body parse_body(const std::string& text) {
  rpc_body out;
  auto j = json::parse(text, nullptr, false);
  if (j.is_discarded()) {
    out.parse_problem = "the body is not JSON";
    return out;
  }
  if (j.is_array()) {
    out.batch = true;
    for (const auto& item : j) out.messages.push_back(classify(item));
    if (out.messages.empty()) out.messages.push_back(invalid(nullptr, "an empty batch"));
    return out;
  }
  out.messages.push_back(classify(j));
  return out;
}

json rpc_result(const json& id, json result) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

json rpc_error(const json& id, int code, const std::string& message) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

}  // namespace askpro::net::mcp
