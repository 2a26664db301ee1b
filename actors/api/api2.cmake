# Tenant API part two (included from actors/CMakeLists.txt): customers and calls.
target_sources(askpro_actors PRIVATE
  api/api_customers.cpp
  api/api_privacy.cpp
  api/api_calls.cpp
  api/api_billing.cpp
)
