#pragma once
/// Customers of a tenant, one per E.164 number. Thread-safety: as the connection.
/// Errors: those of the connection plus the ones named.

#include "persistence/connection.hpp"
#include "persistence/repo/audit_context.hpp"
#include "persistence/repo/tenant_scope.hpp"
#include "runtime/error.hpp"

#include <caf/allowed_unsafe_message_type.hpp>

#include <optional>
#include <string>
#include <vector>

namespace askpro::persistence {

struct customer_record {
  int64_t id = 0;
  std::optional<std::string> phone_e164;
  std::string name, email, notes;
  bool consent_sms = false, consent_whatsapp = false, consent_email = false;
  int64_t created_at = 0, updated_at = 0;
};

[[nodiscard]] Result<std::optional<customer_record>> find_customer(connection& conn,
                                                                   tenant_scope scope,
                                                                   int64_t customer_id);
[[nodiscard]] Result<std::optional<customer_record>> find_customer_by_phone(
    connection& conn, tenant_scope scope, const std::string& e164);

/// The customer with `e164` (already normalised), created when missing; a non-empty `name`
/// fills an empty stored name, a non-empty `email` replaces the stored address (the caller's
/// latest word). Safe against a concurrent insert of the same number (the unique
/// key decides; the loser reads the winner's row).
[[nodiscard]] Result<customer_record> find_or_create_customer(connection& conn, tenant_scope scope,
                                                              const std::string& e164,
                                                              const std::string& name,
                                                              int64_t now_ms,
                                                              const std::string& email = "");

/// A page of customers in id order: by exact number (already normalised), by a part of the
/// name (case-insensitive for ASCII; `%` and `_` match literally), after `after_id`.
struct customer_filter {
  std::optional<std::string> phone_e164;
  std::optional<std::string> name_contains;
  std::optional<int64_t> after_id;
  int limit = 50;
};
[[nodiscard]] Result<std::vector<customer_record>> list_customers(connection& conn,
                                                                  tenant_scope scope,
                                                                  const customer_filter& filter);

/// Fields to change; absent ones stay. The phone number is not changeable here (it is the
/// customer's identity for calls).
struct customer_patch {
  std::optional<std::string> name, email, notes;
  std::optional<bool> consent_sms, consent_whatsapp, consent_email;
};
/// The updated customer, or nullopt when it is not the tenant's. The change is a
/// `customer.updated` audit event by `who` naming the fields set, never their values.
[[nodiscard]] Result<std::optional<customer_record>> update_customer(
    connection& conn, tenant_scope scope, int64_t customer_id, const customer_patch& patch,
    int64_t now_ms, const audit_context& who);

}  // namespace askpro::persistence

// Records travel in local messages as replies of db_tasks (make_task).
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::persistence::customer_record)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::optional<askpro::persistence::customer_record>)
