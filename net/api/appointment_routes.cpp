#include "net/api/api_internal.hpp"

namespace askpro::net::api {

void mount_appointments(api_mount&) {}

}  // namespace askpro::net::api
