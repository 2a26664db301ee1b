#pragma once
/// Calendar work for the tenant API: the tenant's booking actor (through /directory) answers
/// availability, books, cancels and reschedules with source "api". The references a client
/// sends (branch, service, staff: numeric id or slug) are resolved here against the tenant's
/// model, so a branch-limited token can neither see nor book outside its branches.
/// Thread-safety: the request functions block (runtime::ask with the deps' timeouts) and are
/// callable concurrently from any non-actor thread; the pick_* lookups are pure.
/// Errors: those of the directory (not_found when the tenant cannot be loaded, timeout,
/// unavailable) and of the calendar protocol (actors/calendar/protocol.hpp): not_found,
/// conflict, invalid_argument, calendar_unavailable, timeout, storage.

#include "actors/api/api_service.hpp"
#include "actors/calendar/protocol.hpp"
#include "actors/tenant/tenant_directory.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace askpro::actors::api {

/// Who a change made with `who`'s token is recorded as in the audit trail, under the request id
/// of the calling thread.
persistence::audit_context audit_of(const principal& who);

/// The principal's tenant, loaded on first use.
[[nodiscard]] Result<tenant::tenant_handle> open_tenant(const api_deps& deps, const principal& who);

/// The branch `ref` names (row id or slug) when the token sees it. With no `ref`: the branch
/// of the staff member `staff_ref` names, else the only branch the token sees. nullptr when
/// unknown, invisible or ambiguous (several, none named).
const tenant::branch_model* pick_branch(const tenant::tenant_model& model, const principal& who,
                                        const std::optional<std::string>& ref,
                                        const std::optional<std::string>& staff_ref = {});

/// The slug of the active service `ref` names (row id or slug), or nullopt.
std::optional<std::string> pick_service(const tenant::tenant_model& model, std::string_view ref);

/// The slug of the active staff member of `branch` that `ref` names (row id or slug), or nullopt.
std::optional<std::string> pick_staff(const tenant::branch_model& branch, std::string_view ref);

/// The time zone of `branch` (the company's when the branch has none).
std::string zone_of(const tenant::tenant_model& model, const tenant::branch_model& branch);

/// Free slots (availability_query with resolved slugs).
[[nodiscard]] Result<calendar::availability_reply> availability(const api_deps& deps,
                                                                const tenant::tenant_handle& tenant,
                                                                calendar::availability_query q);

/// Books; a lost slot is a reply value (booked false, status slot_taken, alternatives).
[[nodiscard]] Result<calendar::book_reply> book(const api_deps& deps,
                                                const tenant::tenant_handle& tenant,
                                                calendar::book_request q);

/// Cancels (idempotent for an already cancelled appointment).
[[nodiscard]] Result<calendar::appointment_info> cancel(const api_deps& deps,
                                                        const tenant::tenant_handle& tenant,
                                                        calendar::cancel_request q);

/// Moves an appointment (both-or-neither); a lost slot is a reply value as for book.
[[nodiscard]] Result<calendar::book_reply> reschedule(const api_deps& deps,
                                                      const tenant::tenant_handle& tenant,
                                                      calendar::reschedule_request q);

/// Whether customer `id` is the tenant's (a booking may name only its own customers).
[[nodiscard]] Result<bool> customer_exists(const api_deps& deps, const principal& who, int64_t id);

/// Records `email` on the tenant's customer `id` (the booking found or created it by phone).
[[nodiscard]] Result<void> remember_email(const api_deps& deps, const principal& who, int64_t id,
                                          const std::string& email);

}  // namespace askpro::actors::api
