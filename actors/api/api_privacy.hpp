#pragma once
/// The GDPR routes' decisions (SPEC S11): everything held on a customer as one document's
/// parts, and the customer's erasure (persistence/repo/customer_privacy.hpp). Admin tokens only
/// (the routes check). Thread-safety: as api_service.hpp (blocking, any non-actor thread).
/// Errors: the database's (storage, unavailable, timeout).

#include "actors/api/api_appointments.hpp"
#include "actors/api/api_service.hpp"
#include "persistence/repo/customer_privacy.hpp"

#include <optional>
#include <vector>

namespace askpro::actors::api {

struct customer_export {
  persistence::customer_holdings held;
  std::vector<appointment_view> appointments;  ///< every status, in start order
};

/// What the tenant holds on customer `id`, or nullopt (missing, erased and foreign alike).
[[nodiscard]] Result<std::optional<customer_export>> export_customer(const api_deps& deps,
                                                                     const principal& who,
                                                                     int64_t id);

/// Erases customer `id` (an audit event of `who`); nullopt when there is none.
[[nodiscard]] Result<std::optional<persistence::erasure_report>> erase_customer(
    const api_deps& deps, const principal& who, int64_t id);

}  // namespace askpro::actors::api
