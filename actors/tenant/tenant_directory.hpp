#pragma once
/// The tenant directory (/directory, a sibling of /tenants under the root): the way to reach a
/// tenant. It loads tenants lazily and stops idle ones; the tenants themselves live under
/// /tenants/<slug> (tenant_supervisor.hpp), so the tree shows each loaded tenant where the design
/// puts it, while the directory (which must outlive every tenant and may not share a name space
/// with slugs) sits beside it.
///
/// Protocol:
///   (tenant_atom, std::string slug) -> tenant_handle
///       Loads on first use: find_company + load_catalog through /db (a read task, never
///       blocking the scheduler), builds the engine model, start_child under /tenants and waits
///       for the tenant's children. Concurrent first requests for one slug load once; a request
///       while the tenant is being stopped waits and loads it again.
///   (reload_atom, std::string slug) -> caf::ok_atom
///       Stops the tenant (if loaded) so the next use reads the re-applied catalog. A load already
///       in progress is not interrupted: it may have read the catalog before the change.
///   (idle_tick_atom) -> std::vector<std::string>
///       Stops every tenant idle (no request to its booking actor nor lookup here) for at least
///       `idle` by the injected clock and without a live call session (a child under
///       <tenant>/calls in the registry: those never stop as idle); answers the slugs stopped, once
///       they are stopped. The same check runs every `tick_interval` by itself.
///   (runtime::inspect_atom) -> std::string JSON {tenants:[{slug, loaded_at, last_activity}],
///       loading, idle_s, loads, stops}
///
/// A tenant_handle's actors are valid while the tenant is loaded: after errc::unavailable or a
/// dead booking actor, ask the directory again.
/// Thread-safety: messages only. Ownership: holds the tenants' models; /tenants owns the actors.
/// Errors: errc::not_found (no such company, or not active), errc::invalid_argument (bad slug),
/// the database's errors (storage, unavailable, timeout), errc::internal when a start failed.

#include "actors/tenant/catalog_model.hpp"
#include "actors/tenant/tenant_supervisor.hpp"

#include <caf/actor.hpp>
#include <caf/allowed_unsafe_message_type.hpp>
#include <caf/atom.hpp>

#include <chrono>
#include <string>

namespace askpro::actors::tenant {

using tenant_atom = caf::atom_constant<caf::atom("tenant")>;
using reload_atom = caf::atom_constant<caf::atom("reload")>;
using idle_tick_atom = caf::atom_constant<caf::atom("idletick")>;

/// How to reach a loaded tenant.
struct tenant_handle {
  std::string slug;
  int64_t company_id = 0;
  std::string path;                  ///< "/tenants/<slug>"
  caf::actor booking;                ///< the booking actor: the entry point for calendar work
  tenant_model_ptr model;            ///< read-only: services, branches, staff, rules
  notify::outbox_policy_ptr notify;  ///< what changes may notify by (null: nothing)
};

struct directory_config {
  tenant_options tenant;           ///< registry, clock and timeouts of the tenants it starts
  std::chrono::seconds idle{600};  ///< runtime.tenant_idle_s
  std::chrono::milliseconds tick_interval{30000};  ///< real time between idle checks
  std::chrono::milliseconds ask_timeout{10000};    ///< supervisor and booking requests
};

/// A start function for the directory under the root supervisor (kind "tenant_directory").
runtime::start_fn tenant_directory_start(directory_config cfg);

/// The child spec of /directory for the root supervisor (id "directory", permanent); start it
/// after /db and /tenants.
runtime::child_spec directory_child_spec(directory_config cfg);

}  // namespace askpro::actors::tenant

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::tenant::tenant_handle)
