#pragma once
/// The tenant a repository call works for. Every repository function that touches tenant-owned
/// rows takes a `tenant_scope` and puts its company id in every WHERE clause; there is no
/// overload without it, so no query can reach tenant data unscoped.
/// A scope comes from a lookup that proved the tenant: the company by slug (CLI, tenant
/// supervisor), the dialled number (webhooks), an API token, or provisioning.
/// Thread-safety: a plain value.

#include <cstdint>

namespace askpro::persistence {

class tenant_scope {
 public:
  /// Only lookups and provisioning construct scopes (and tests, from ids those returned).
  explicit tenant_scope(int64_t company_id) : company_id_(company_id) {}
  int64_t company_id() const { return company_id_; }
  friend bool operator==(tenant_scope a, tenant_scope b) { return a.company_id_ == b.company_id_; }

 private:
  int64_t company_id_;
};

}  // namespace askpro::persistence
