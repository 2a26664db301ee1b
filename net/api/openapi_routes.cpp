// GET /api/v2/openapi.json: the embedded OpenAPI document, public (no token).
#include "net/api/api_internal.hpp"
#include "net/api/openapi.hpp"

namespace askpro::net::api {

void mount_openapi(api_mount& m) {
  m.add("GET", "/api/v2/openapi.json", api_access::open, [](api_call& call) {
    call.res.status = 200;
    call.res.set_content(std::string{openapi_document()}, "application/json");
  });
}

}  // namespace askpro::net::api
