#pragma once
/// The root supervisor of a runtime that serves tenants from a database but has no Redis:
/// /db on `storage`, /tenants and /directory, in that order (stopped in reverse). Tests,
/// benchmarks and helper programs start exactly this tree; `askpro serve` builds the same
/// children plus /redis in runtime/app/node.cpp.
/// Thread-safety: builds a plain spec. Ownership: the spec shares `cfg.tenant`'s registry and
/// clock, which must be set.

#include "actors/tenant/tenant_directory.hpp"
#include "config/settings.hpp"
#include "runtime/supervisor.hpp"

namespace askpro::actors::tenant {

runtime::supervisor_spec tenancy_root_spec(const config::storage_settings& storage,
                                           directory_config cfg);

}  // namespace askpro::actors::tenant
