#pragma once
/// Reading appointments for the tenant API: pages of a tenant's appointments (filters, keyset
/// position, the token's branch limits applied) and single appointments, each with the slugs of
/// its branch, service and staff member and the zone its times are shown in. An appointment of
/// a branch the token does not see is the same as a missing one.
/// The slugs come from the loaded tenant's model (/directory); for rows it does not hold
/// (deactivated ones) or when the tenant cannot be loaded, from the catalog in the database.
/// Thread-safety: blocking (/db through run_blocking, /directory through runtime::ask, with the
/// deps' timeout); callable concurrently from any non-actor thread. Errors: the database's
/// (storage, unavailable, timeout).

#include "actors/api/api_service.hpp"
#include "persistence/repo/appointment_list.hpp"

#include <caf/allowed_unsafe_message_type.hpp>

#include <optional>
#include <string>
#include <vector>

namespace askpro::actors::api {

struct appointment_view {
  persistence::appointment_record record;
  std::string branch, service, staff;  ///< slugs ("" when the row is gone)
  std::string time_zone;               ///< the branch's (else the company's) zone
};

struct appointment_page {
  std::vector<appointment_view> items;
  bool more = false;  ///< rows follow the last item
};

/// Up to `filter.limit` appointments after `filter.after` in (start, id) order. The token's
/// branch limits replace `filter.allowed_branches`.
[[nodiscard]] Result<appointment_page> list_appointments(const api_deps& deps, const principal& who,
                                                         persistence::appointment_filter filter);

/// The appointment `id` when it is the tenant's and in a branch the token sees, else nullopt.
[[nodiscard]] Result<std::optional<appointment_view>> find_appointment(const api_deps& deps,
                                                                       const principal& who,
                                                                       int64_t id);

}  // namespace askpro::actors::api

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::actors::api::appointment_page)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::optional<askpro::actors::api::appointment_view>)
