// /mcp over HTTP: headers in, the protocol's answer out (mcp_routes.hpp).
#include "net/mcp/mcp_routes.hpp"

#include "net/api/api_internal.hpp"
#include "net/mcp/mcp_server.hpp"

namespace askpro::net::mcp {
namespace {

std::optional<std::string> header(const httplib::Request& req, const char* name) {
  if (!req.has_header(name)) return std::nullopt;
  return req.get_header_value(name);
}

mcp_http_request request_of(const api::api_call& call) {
  return {call.req.body,
          header(call.req, "Mcp-Session-Id"),
          header(call.req, "MCP-Protocol-Version"),
          header(call.req, "Accept"),
          header(call.req, "Origin"),
          call.req.get_header_value("Host")};
}

mcp_identity identity_of(const api::api_call& call) {
  const auto& p = call.who;
  return {p.token_id, {p.tenant_slug, p.scope, p.branch_ids, p.admin}};
}

actors::call::voice_deps voice_deps_of(const api::api_call& call) {
  const auto& d = call.env.deps;
  actors::call::voice_deps deps{d.sys, d.registry, d.clock};
  deps.timeout = d.timeout;
  deps.booking_timeout = d.booking_timeout;
  return deps;
}

tool_runner runner_of(const api::api_call& call) {
  return [deps = voice_deps_of(call)](const actors::call::tool_caller& who,
                                      const std::string& conversation, tool_invocation inv) {
    return actors::call::run_tool(deps, who, conversation, inv.phone, inv.branch,
                                  std::move(inv.request));
  };
}

conversation_ender ender_of(const api::api_call& call) {
  return
      [deps = voice_deps_of(call)](const std::string& slug, const std::vector<std::string>& ids) {
        actors::call::end_conversation(deps, slug, ids);
      };
}

void send(httplib::Response& res, const mcp_http_response& out) {
  res.status = out.status;
  if (out.session_id) res.set_header("Mcp-Session-Id", *out.session_id);
  if (!out.body.empty()) res.set_content(out.body, "application/json");
}

}  // namespace

void mount_mcp(api::api_mount& m) {
  auto server = std::make_shared<mcp_server>(std::make_shared<mcp_sessions>());
  m.add("POST", "/mcp", api::api_access::read, [server](api::api_call& call) {
    send(call.res,
         server->post(identity_of(call), request_of(call), runner_of(call), ender_of(call)));
  });
  m.add("DELETE", "/mcp", api::api_access::read, [server](api::api_call& call) {
    send(call.res, server->end(identity_of(call), request_of(call), ender_of(call)));
  });
  m.add("GET", "/mcp", api::api_access::open, [](api::api_call& call) {
    call.res.set_header("Allow", "POST, DELETE");
    api::respond_problem(call.res, 405, "method_not_allowed",
                         "this MCP server offers no server-initiated stream; POST messages");
  });
}

}  // namespace askpro::net::mcp
