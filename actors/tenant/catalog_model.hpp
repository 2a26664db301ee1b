#pragma once
/// The engine's view of a tenant: `persistence::tenant_catalog` (rows with ids) turned into the
/// plain model of actors/booking (branch_hours, services, staff_members, booking_rules), one
/// `branch_model` per active branch, with the id <-> slug maps the actors need to talk to the
/// repositories. Inactive services, staff and branches are left out (nothing can be booked on
/// them). Thread-safety: plain values; build once, share read-only (`std::shared_ptr<const …>`).

#include "actors/booking/model.hpp"
#include "actors/notify/notify_settings.hpp"
#include "persistence/repo/catalog_records.hpp"
#include "runtime/error.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace askpro::actors::tenant {

/// Where a branch's calendar lives: our engine, or a Cal.com account (credentials are secrets:
/// never logged, never in inspect output).
struct calendar_connection {
  std::string provider = "internal";  ///< "internal" | "calcom"
  std::string api_key, webhook_secret;
  std::string base_url;  ///< "" = the configured calcom.base_url
  bool calcom() const { return provider == "calcom"; }
};

/// One active branch with the services it offers (every active service of the tenant) and its
/// active staff.
struct branch_model {
  int64_t id = 0;
  std::string slug, name;
  std::string calendar_provider;  ///< "internal" | "calcom" (as calendar.provider)
  calendar_connection calendar;
  notify::branch_notify notify;  ///< where callback requests and low-balance notices go
  booking::branch_hours hours;
  std::vector<booking::staff_member> staff;
  std::map<std::string, int64_t> staff_ids;  ///< staff slug -> row id
  std::map<int64_t, std::string> staff_slugs;
};

struct tenant_model {
  int64_t company_id = 0;
  std::string slug, name, time_zone, country;
  std::string locale;  ///< company locale ("de-DE", "en"): the language of voice replies
  booking::booking_rules rules;
  notify::notification_settings notifications;  ///< channels, reminder lead, own texts
  std::vector<booking::service> services;
  std::map<std::string, int64_t> service_ids;  ///< service slug -> row id
  std::map<int64_t, std::string> service_slugs;
  std::vector<branch_model> branches;

  /// The branch with `slug`, or nullptr.
  const branch_model* branch(const std::string& slug) const;
  /// The branch with row id `id`, or nullptr.
  const branch_model* branch(int64_t id) const;
};

using tenant_model_ptr = std::shared_ptr<const tenant_model>;

/// Builds the model. Errors: errc::invalid_argument when a date of closed/special hours is not
/// 'YYYY-MM-DD' or the notification settings are not readable JSON of their shape (the
/// database holds only validated catalogs, so this means a corrupt row).
[[nodiscard]] Result<tenant_model> make_tenant_model(const persistence::tenant_catalog& catalog);

}  // namespace askpro::actors::tenant
