#pragma once
/// The catalog as an API token may see it: the tenant's active branches, services and staff,
/// without secrets (Retell key, calendar credentials), limited to the token's branches (staff of
/// other branches and those branches themselves are invisible; services are tenant-wide).
/// Thread-safety: `visible_catalog` as api_service.hpp (blocking, any non-actor thread); the
/// lookups are pure. Errors: the database's (storage, unavailable, timeout).

#include "actors/api/api_service.hpp"
#include "persistence/repo/catalog_records.hpp"

#include <charconv>
#include <string_view>
#include <vector>

namespace askpro::actors::api {

/// Loads the catalog through /db (one read task) and keeps what `who` may see, ordered by id.
[[nodiscard]] Result<persistence::tenant_catalog> visible_catalog(const api_deps& deps,
                                                                  const principal& who);

/// The visible catalog filtered from a loaded one (pure; exposed for the appointment calls that
/// read the catalog inside their own task).
persistence::tenant_catalog visible_part(persistence::tenant_catalog catalog, const principal& who);

/// The row whose id (all digits) or slug is `ref`, or nullptr. Works for branch, service and
/// staff records.
template <class Record>
const Record* find_ref(const std::vector<Record>& rows, std::string_view ref) {
  int64_t id = 0;
  auto [end, ec] = std::from_chars(ref.data(), ref.data() + ref.size(), id);
  bool numeric = !ref.empty() && ec == std::errc{} && end == ref.data() + ref.size();
  for (const auto& r : rows)
    if (numeric ? r.id == id : r.slug == ref) return &r;
  return nullptr;
}

/// The row with id `id`, or nullptr.
template <class Record>
const Record* find_id(const std::vector<Record>& rows, int64_t id) {
  for (const auto& r : rows)
    if (r.id == id) return &r;
  return nullptr;
}

}  // namespace askpro::actors::api
