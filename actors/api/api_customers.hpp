#pragma once
/// The tenant's customers as the REST API sees them (SPEC S8): search by phone number in any
/// format (read with the tenant's country) or by a part of the name, one by id, and changes to
/// name, e-mail and notes. Customers belong to the tenant, not to a branch, so a
/// branch-limited token sees them all.
/// Thread-safety: as api_service.hpp (blocking, any non-actor thread); `check_customer_changes`
/// is pure. Errors: the database's (storage, unavailable, timeout); list_customers also
/// errc::invalid_argument when the phone text is not a number of the tenant's country.

#include "actors/api/api_service.hpp"
#include "persistence/repo/customer_repo.hpp"

#include <optional>
#include <string>
#include <vector>

namespace askpro::actors::api {

struct customer_query {
  std::optional<std::string> phone;  ///< any format; normalised to E.164
  std::optional<std::string> name;   ///< a part of the name
  std::optional<int64_t> after_id;
  int limit = 50;
};

/// Up to `q.limit` customers in id order.
[[nodiscard]] Result<std::vector<persistence::customer_record>> list_customers(
    const api_deps& deps, const principal& who, const customer_query& q);

/// The tenant's customer with `id`, or nullopt (missing and foreign alike).
[[nodiscard]] Result<std::optional<persistence::customer_record>> find_customer(
    const api_deps& deps, const principal& who, int64_t id);

/// What PATCH may change.
struct customer_changes {
  std::optional<std::string> name, email, notes;
};

/// One refused field: `{"email", "not an e-mail address"}`.
struct field_problem {
  std::string field;
  std::string message;
};

/// The problems of `changes` (empty = acceptable): nothing to change, a blank or too long
/// name, an e-mail without the shape local@domain.tld (empty clears it), notes over 4000 bytes.
std::vector<field_problem> check_customer_changes(const customer_changes& changes);

/// Applies acceptable `changes`; the updated customer, or nullopt when it is not the tenant's.
[[nodiscard]] Result<std::optional<persistence::customer_record>> update_customer(
    const api_deps& deps, const principal& who, int64_t id, const customer_changes& changes);

}  // namespace askpro::actors::api
