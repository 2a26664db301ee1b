#pragma once
/// The OpenAPI 3.1 description of the tenant API (SPEC S8), kept as net/api/openapi.json and
/// embedded into the binary at build time (cmake/embed_file.cmake). Served publicly at
/// `GET /api/v2/openapi.json`; scripts/test lints the source file with @redocly/cli, and a test
/// compares its paths and methods with api_route_table().
/// Thread-safety: immutable static data. Errors: none.

#include <string_view>

namespace askpro::net::api {

/// The document's JSON text (valid for the program's lifetime).
std::string_view openapi_document();

}  // namespace askpro::net::api
