#pragma once
/// `/mcp` on the API listener (SPEC S15): POST carries MCP's JSON-RPC messages, DELETE ends a
/// session, GET answers 405 (the server opens no stream of its own). Mounted with the tenant
/// API's routes (net/api/api_routes.cpp), so the same bearer tokens, rate limit and route table
/// apply. Translation only: mcp_server.hpp speaks the protocol, actors/call/tool_calls.hpp
/// decides.
/// Thread-safety: as the tenant API's handlers; the session store is shared by the handlers.

namespace askpro::net::api {
class api_mount;
}

namespace askpro::net::mcp {

void mount_mcp(api::api_mount& m);

}  // namespace askpro::net::mcp
