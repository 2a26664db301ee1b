#include "actors/api/api_booking.hpp"

#include "runtime/bridge.hpp"
#include "runtime/log.hpp"

#include <charconv>

namespace askpro::actors::api {
namespace {

std::optional<int64_t> numeric(std::string_view ref) {
  int64_t id = 0;
  auto [end, ec] = std::from_chars(ref.data(), ref.data() + ref.size(), id);
  if (ref.empty() || ec != std::errc{} || end != ref.data() + ref.size()) return std::nullopt;
  return id;
}

/// The slug of `ref` in an id → slug map whose slugs are the keys of `ids`.
std::optional<std::string> pick(const std::map<std::string, int64_t>& ids,
                                const std::map<int64_t, std::string>& slugs, std::string_view ref) {
  if (auto id = numeric(ref)) {
    auto it = slugs.find(*id);
    if (it == slugs.end()) return std::nullopt;
    return it->second;
  }
  if (ids.count(std::string{ref}) == 0) return std::nullopt;
  return std::string{ref};
}

}  // namespace

persistence::audit_context audit_of(const principal& who) {
  return {"api:" + who.token_name, runtime::correlation_id()};
}

Result<tenant::tenant_handle> open_tenant(const api_deps& deps, const principal& who) {
  return runtime::ask<tenant::tenant_handle>(*deps.sys, deps.registry->actor_at("/directory"),
                                             deps.timeout, tenant::tenant_atom::value,
                                             who.tenant_slug);
}

const tenant::branch_model* pick_branch(const tenant::tenant_model& model, const principal& who,
                                        const std::optional<std::string>& ref,
                                        const std::optional<std::string>& staff_ref) {
  if (ref) {
    const auto* b = numeric(*ref) ? model.branch(*numeric(*ref)) : model.branch(*ref);
    return b && who.sees_branch(b->id) ? b : nullptr;
  }
  const tenant::branch_model* only = nullptr;
  for (const auto& b : model.branches) {
    if (!who.sees_branch(b.id)) continue;
    if (staff_ref && pick_staff(b, *staff_ref)) return &b;
    if (only) return nullptr;
    only = &b;
  }
  return only;
}

std::optional<std::string> pick_service(const tenant::tenant_model& model, std::string_view ref) {
  return pick(model.service_ids, model.service_slugs, ref);
}

std::optional<std::string> pick_staff(const tenant::branch_model& branch, std::string_view ref) {
  return pick(branch.staff_ids, branch.staff_slugs, ref);
}

std::string zone_of(const tenant::tenant_model& model, const tenant::branch_model& branch) {
  return branch.hours.time_zone.empty() ? model.time_zone : branch.hours.time_zone;
}

Result<calendar::availability_reply> availability(const api_deps& deps,
                                                  const tenant::tenant_handle& tenant,
                                                  calendar::availability_query q) {
  return runtime::ask<calendar::availability_reply>(*deps.sys, tenant.booking, deps.booking_timeout,
                                                    calendar::avail_atom::value, std::move(q));
}

Result<calendar::book_reply> book(const api_deps& deps, const tenant::tenant_handle& tenant,
                                  calendar::book_request q) {
  q.source = "api";
  return runtime::ask<calendar::book_reply>(*deps.sys, tenant.booking, deps.booking_timeout,
                                            calendar::book_atom::value, std::move(q));
}

Result<calendar::appointment_info> cancel(const api_deps& deps, const tenant::tenant_handle& tenant,
                                          calendar::cancel_request q) {
  return runtime::ask<calendar::appointment_info>(*deps.sys, tenant.booking, deps.booking_timeout,
                                                  calendar::cancel_atom::value, std::move(q));
}

Result<calendar::book_reply> reschedule(const api_deps& deps, const tenant::tenant_handle& tenant,
                                        calendar::reschedule_request q) {
  return runtime::ask<calendar::book_reply>(*deps.sys, tenant.booking, deps.booking_timeout,
                                            calendar::resched_atom::value, std::move(q));
}

}  // namespace askpro::actors::api
