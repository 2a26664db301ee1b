#pragma once
/// Shared by voice_*.cpp only.

#include "actors/call/voice_router.hpp"
#include "actors/tenant/tenant_directory.hpp"

namespace askpro::actors::call {

/// The loaded tenant of `route` through /directory (loads it on first use).
Result<tenant::tenant_handle> tenant_of(const voice_deps& deps, const tenant_route& route);

}  // namespace askpro::actors::call
