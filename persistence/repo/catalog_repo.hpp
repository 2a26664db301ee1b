#pragma once
/// Companies and their catalog: lookups that yield a tenant_scope, loading the catalog, and
/// declarative provisioning (`askpro tenant apply`).
/// Thread-safety: as the connection (one thread at a time). Errors: those of the connection
/// (errc::storage, errc::unavailable, errc::conflict) plus the ones named per function.

#include "persistence/connection.hpp"
#include "persistence/repo/catalog_records.hpp"
#include "persistence/repo/tenant_scope.hpp"
#include "runtime/error.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace askpro::persistence {

/// The company with `slug`, or nullopt.
[[nodiscard]] Result<std::optional<company_record>> find_company(connection& conn,
                                                                 std::string_view slug);

/// Every company, ordered by slug (the operator's and the shell's list of tenants).
[[nodiscard]] Result<std::vector<company_record>> list_companies(connection& conn);

/// Sets the company's status ("active", or any other value such as "suspended", which stops its
/// API tokens from authenticating). Not touched by `apply_tenant`. Errors: errc::not_found when
/// the company does not exist.
[[nodiscard]] Result<void> set_company_status(connection& conn, tenant_scope scope,
                                              const std::string& status);

/// Where a dialled number leads: the tenant and the branch owning `e164` (active branches only).
struct phone_route {
  tenant_scope scope;
  std::string company_slug;
  int64_t branch_id = 0;
  std::string branch_slug;
};
[[nodiscard]] Result<std::optional<phone_route>> route_phone(connection& conn,
                                                             std::string_view e164);

/// Everything of the tenant (inactive rows included, flagged), ordered by id.
[[nodiscard]] Result<tenant_catalog> load_catalog(connection& conn, tenant_scope scope);

/// What `apply_tenant` did.
struct apply_outcome {
  tenant_scope scope{0};
  bool created = false;  ///< the company did not exist before
  bool changed = false;  ///< any row was inserted, updated, deleted or deactivated
};

/// Creates or updates the tenant `catalog.company.slug` to match `catalog` exactly, in one
/// transaction (on any error nothing is written): rows the catalog no longer lists are deleted,
/// or deactivated (`active` = 0) when appointments or reservations still reference them; a
/// listed row that was inactive is active again. Applying the same catalog twice changes nothing
/// (`changed` false the second time). Errors: errc::conflict when a phone number belongs to
/// another tenant (detail names the branch slug, not the number).
[[nodiscard]] Result<apply_outcome> apply_tenant(connection& conn, const tenant_catalog& catalog,
                                                 int64_t now_ms);

}  // namespace askpro::persistence
