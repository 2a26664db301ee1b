# Tenant API part two (included from net/CMakeLists.txt): the embedded OpenAPI document, the
# customers and calls routes, the Redis-shared rate limiter, and the MCP server (net/mcp).
askpro_embed_file(askpro_net ${CMAKE_CURRENT_SOURCE_DIR}/api/openapi.json net/api/openapi.hpp
                  askpro::net::api openapi_document)
target_sources(askpro_net PRIVATE
  http/rate_limit_redis.cpp
  api/record_json.cpp
  api/privacy_json.cpp
  api/customer_routes.cpp
  api/call_routes.cpp
  api/billing_routes.cpp
  api/openapi_routes.cpp
  mcp/jsonrpc.cpp
  mcp/mcp_sessions.cpp
  mcp/mcp_tools.cpp
  mcp/mcp_server.cpp
  mcp/mcp_routes.cpp
)
