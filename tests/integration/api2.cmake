# Tenant API part two (included from tests/integration/CMakeLists.txt): customers, calls, rate
# limits, gzip and the OpenAPI document through the real edge, on SQLite and MariaDB.
find_package(ZLIB REQUIRED)
add_executable(api2_tests
  api_call_fixture.cpp
  api_customer_tests.cpp
  api_call_tests.cpp
  api_limit_tests.cpp
  api_openapi_tests.cpp
  api_billing_tests.cpp
  api_stripe_tests.cpp
  booking_fixture.cpp
  http_fixture.cpp
  ${PROJECT_SOURCE_DIR}/tests/unit/persistence/backend.cpp
  ${PROJECT_SOURCE_DIR}/tests/unit/persistence/actor_fixture.cpp
)
target_link_libraries(api2_tests PRIVATE askpro_net askpro_actors askpro_test_services
                                         askpro_test_fakes
                                         askpro_test_main nlohmann_json::nlohmann_json ZLIB::ZLIB)
catch_discover_tests(api2_tests TEST_PREFIX "api: ")

# The MCP server (net/mcp) spoken as raw JSON-RPC through the real edge.
add_executable(mcp_tests
  api_fixture.cpp
  mcp_tests.cpp
  http_fixture.cpp
  ${PROJECT_SOURCE_DIR}/tests/unit/persistence/backend.cpp
  ${PROJECT_SOURCE_DIR}/tests/unit/persistence/actor_fixture.cpp
)
target_link_libraries(mcp_tests PRIVATE askpro_net askpro_actors askpro_test_services
                                        askpro_test_fakes askpro_test_main nlohmann_json::nlohmann_json)
catch_discover_tests(mcp_tests TEST_PREFIX "mcp: ")
