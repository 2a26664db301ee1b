#pragma once
/// Internals of the catalog and token repositories (catalog_*.cpp, token_repo.cpp): reading
/// rows field by field, loading one tenant's catalog tables, and the write context of
/// `apply_tenant`. Not a public interface. Thread-safety: as the connection.

#include "persistence/connection.hpp"
#include "persistence/repo/catalog_records.hpp"
#include "persistence/repo/tenant_scope.hpp"
#include "runtime/error.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace askpro::persistence::detail {

/// Reads columns of one row, remembering the first error instead of returning at each field.
class field_reader {
 public:
  explicit field_reader(const row& r) : row_(r) {}

  template <class T>
  T get(std::string_view column) {
    auto v = row_.get<T>(column);
    if (v) return std::move(*v);
    if (!error_) error_ = std::move(v.error());
    return T{};
  }

  template <class T>
  std::optional<T> nullable(std::string_view column) {
    auto v = row_.nullable<T>(column);
    if (v) return std::move(*v);
    if (!error_) error_ = std::move(v.error());
    return std::nullopt;
  }

  /// The first error met, or success.
  Result<void> status() const {
    if (error_) return error_;
    return {};
  }

 private:
  const row& row_;
  caf::error error_;
};

/// The columns of a company row, in `read_company` order (for SELECT lists).
extern const char* const company_columns;

/// A company from a row selected with `company_columns`.
[[nodiscard]] Result<company_record> read_company(const row& r);

/// The company with `id`, or nullopt. `lock`: FOR UPDATE (inside a transaction).
[[nodiscard]] Result<std::optional<company_record>> select_company_by_id(connection& conn,
                                                                         int64_t id, bool lock);

/// One tenant's branches (with hours, closed dates, special hours, phones), ordered by id.
[[nodiscard]] Result<std::vector<branch_record>> load_branches(connection& conn,
                                                               tenant_scope scope);
/// One tenant's services (with synonyms), ordered by id.
[[nodiscard]] Result<std::vector<service_record>> load_services(connection& conn,
                                                                tenant_scope scope);
/// One tenant's staff (with service slugs ordered by service id, own hours), ordered by id.
[[nodiscard]] Result<std::vector<staff_record>> load_staff(connection& conn, tenant_scope scope);

/// The first column of the first row as an integer (0 when there is no row).
[[nodiscard]] Result<int64_t> query_int(connection& conn, std::string_view sql,
                                        const std::vector<value>& binds);

/// The write side of `apply_tenant`: every statement goes through here so `changed` records
/// whether anything was written.
struct apply_context {
  connection& conn;
  tenant_scope scope;
  int64_t now_ms = 0;
  bool changed = false;
  std::map<std::string, int64_t> branch_ids;   ///< slug → id, every branch of the tenant
  std::map<std::string, int64_t> service_ids;  ///< slug → id, every service of the tenant

  /// Runs a write statement and marks the tenant changed.
  [[nodiscard]] Result<void> write(std::string_view sql, const std::vector<value>& binds);
  /// Runs an INSERT and yields the new row's id.
  [[nodiscard]] Result<int64_t> insert(std::string_view sql, const std::vector<value>& binds);
};

/// Refuses when a phone number of `catalog` belongs to a company other than `own_company_id`
/// (0: none yet): errc::conflict naming the catalog's branch slug.
[[nodiscard]] Result<void> check_phone_owners(connection& conn, const tenant_catalog& catalog,
                                              int64_t own_company_id);

/// Makes the listed branches (and their detail tables) match; fills `ctx.branch_ids`.
[[nodiscard]] Result<void> sync_branches(apply_context& ctx, const tenant_catalog& catalog,
                                         const std::vector<branch_record>& existing);
/// Makes the tenant's phone numbers match the catalog (numbers of unlisted branches go).
[[nodiscard]] Result<void> sync_phones(apply_context& ctx, const tenant_catalog& catalog,
                                       const std::vector<branch_record>& existing);
/// Makes the listed services (and synonyms) match; fills `ctx.service_ids`.
[[nodiscard]] Result<void> sync_services(apply_context& ctx, const tenant_catalog& catalog,
                                         const std::vector<service_record>& existing);
/// Makes the listed staff (services, own hours) match. Needs branch_ids and service_ids.
[[nodiscard]] Result<void> sync_staff(apply_context& ctx, const tenant_catalog& catalog,
                                      const std::vector<staff_record>& existing);
/// Deletes, or deactivates when still referenced, the staff, services and branches the catalog
/// no longer lists (in that order, so references from removed staff are gone first).
[[nodiscard]] Result<void> retire_unlisted(apply_context& ctx, const tenant_catalog& catalog,
                                           const std::vector<branch_record>& branches,
                                           const std::vector<service_record>& services,
                                           const std::vector<staff_record>& staff);

/// Replaces a weekly table (branch_hours / staff_hours) of one owner when it differs.
[[nodiscard]] Result<void> sync_week(apply_context& ctx, std::string_view table,
                                     std::string_view owner_column, int64_t owner_id,
                                     std::vector<weekly_interval> want,
                                     const std::vector<weekly_interval>& have);

/// `v` sorted (for order-insensitive comparisons).
template <class T>
std::vector<T> sorted(std::vector<T> v) {
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace askpro::persistence::detail
