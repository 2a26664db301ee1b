#include "tests/fakes/mcp_client.hpp"

namespace askpro::fakes {

using nlohmann::json;

mcp_client::mcp_client(uint16_t port, std::string token)
    : http_("127.0.0.1", port), token_(std::move(token)) {
  http_.set_read_timeout(30, 0);
}

httplib::Headers mcp_client::headers(const httplib::Headers& extra) const {
  httplib::Headers h{{"Accept", "application/json, text/event-stream"}};
  if (!token_.empty()) h.emplace("Authorization", "Bearer " + token_);
  if (!session_.empty()) h.emplace("Mcp-Session-Id", session_);
  if (!revision_.empty() && revision_ != "2025-03-26") h.emplace("MCP-Protocol-Version", revision_);
  for (const auto& [name, value] : extra) {
    h.erase(name);
    h.emplace(name, value);
  }
  return h;
}

mcp_answer mcp_client::answer_of(const httplib::Result& res) {
  if (!res) return {0, httplib::to_string(res.error()), {}};
  return {res->status, res->body, res->headers};
}

mcp_answer mcp_client::initialize(const std::string& revision) {
  json params{{"protocolVersion", revision},
              {"capabilities", json::object()},
              {"clientInfo", {{"name", "askpro-tests"}, {"version", "1"}}}};
  auto out = rpc("initialize", params);
  if (out.status == 200) {
    session_ = out.headers.count("Mcp-Session-Id") ? out.headers.find("Mcp-Session-Id")->second
                                                   : std::string{};
    revision_ = out.json()["result"]["protocolVersion"].get<std::string>();
  }
  return out;
}

mcp_answer mcp_client::rpc(const std::string& method, const json& params) {
  json msg{{"jsonrpc", "2.0"}, {"id", next_id_++}, {"method", method}, {"params", params}};
  return raw(msg.dump());
}

mcp_answer mcp_client::notify(const std::string& method) {
  return raw(json{{"jsonrpc", "2.0"}, {"method", method}}.dump());
}

mcp_answer mcp_client::raw(const std::string& body, const httplib::Headers& extra) {
  return answer_of(http_.Post("/mcp", headers(extra), body, "application/json"));
}

json mcp_client::tool(const std::string& name, const json& args) {
  auto out = rpc("tools/call", {{"name", name}, {"arguments", args}});
  auto j = out.json();
  if (out.status != 200 || !j.is_object() || !j.contains("result")) return nullptr;
  return j["result"];
}

mcp_answer mcp_client::get() {
  return answer_of(http_.Get("/mcp", headers({})));
}

mcp_answer mcp_client::end() {
  return answer_of(http_.Delete("/mcp", headers({})));
}

}  // namespace askpro::fakes
