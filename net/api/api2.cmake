# Tenant API part two (included from net/CMakeLists.txt): the embedded OpenAPI document, the
# customers and calls routes, and the Redis-shared rate limiter.
set(ASKPRO_OPENAPI_JSON ${CMAKE_CURRENT_SOURCE_DIR}/api/openapi.json)
set(ASKPRO_OPENAPI_CPP ${CMAKE_CURRENT_BINARY_DIR}/embedded_openapi.cpp)
add_custom_command(
  OUTPUT ${ASKPRO_OPENAPI_CPP}
  COMMAND ${CMAKE_COMMAND} -DINPUT=${ASKPRO_OPENAPI_JSON} -DOUTPUT=${ASKPRO_OPENAPI_CPP}
          -P ${CMAKE_CURRENT_SOURCE_DIR}/api/openapi_embed.cmake
  DEPENDS ${ASKPRO_OPENAPI_JSON} ${CMAKE_CURRENT_SOURCE_DIR}/api/openapi_embed.cmake
  COMMENT "Embedding the OpenAPI document"
  VERBATIM)
target_sources(askpro_net PRIVATE
  ${ASKPRO_OPENAPI_CPP}
  http/rate_limit_redis.cpp
  api/record_json.cpp
  api/customer_routes.cpp
  api/call_routes.cpp
  api/openapi_routes.cpp
)
