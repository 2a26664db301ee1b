#pragma once
/// The tenant file (`askpro tenant apply FILE`, contract.md "Tenant file"): one JSON document
/// describing a company with its branches, services and staff, parsed and validated into a
/// plain `tenant_document`. Thread-safety: pure functions; nothing throws.
///
/// Keys beyond the contract's example (all optional): company `booking` and `billing` blocks,
/// `retell_api_key`; branch `timezone` (default: the company's), `phone_numbers`, `closed`,
/// `special_hours`, `calendar`; service `synonyms`, buffers, `calcom_event_type_id`; staff
/// `hours` and `calcom_user`. Which staff perform a service is given by `staff[].services`.
/// Notifications (contract.md "Tenant file additions"): company `notifications` with
/// `channels` (default ["sms", "email"]; [] sends customers nothing), `reminder_hours`
/// (default 24, 0 = none, at most 720) and `templates` (kind → two-letter language → text using
/// only the placeholders of actors/notify/notify_settings.hpp); branch `notify` with `email`
/// and `phone` (normalised to E.164 like the branch's numbers).
/// Hours: a weekday missing from `hours` is closed; intervals are sorted on load and touching
/// intervals ([09:00,12:00] and [12:00,13:00]) are merged; "24:00" is allowed as an end.
///
/// Every problem names its path like `branches[0].hours.mon[1]`; values of secrets and phone
/// numbers are never echoed.

#include "actors/booking/model.hpp"
#include "actors/notify/notify_settings.hpp"
#include "runtime/error.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace askpro::actors::tenant {

/// A branch's calendar connection.
struct calendar_settings {
  std::string provider = "internal";  ///< "internal" | "calcom"
  std::string api_key;                ///< calcom only (secret)
  std::string webhook_secret;         ///< calcom only (secret)
  std::string base_url;               ///< calcom only; empty = provider default
};

/// The company's call billing (SPEC S9).
struct billing_settings {
  int64_t price_per_minute_cents = 0;
  std::string rounding = "minute";  ///< "minute" (started minutes) | "second"
  int64_t low_balance_cents = 0;
};

struct company {
  std::string slug;
  std::string name;
  std::string time_zone;
  std::string locale;          ///< "de" | "en"
  std::string country;         ///< ISO 3166 alpha-2, default region for phone numbers
  std::string retell_api_key;  ///< secret; empty when not given
  booking::booking_rules booking;
  billing_settings billing;
  notify::notification_settings notifications;
  int transcript_days = 0;  ///< "retention": transcripts purged that long after the call; 0 keeps
};

struct branch {
  std::string slug;
  std::string name;
  std::vector<std::string> phone_numbers;  ///< E.164
  booking::branch_hours hours;             ///< `hours.time_zone` is the branch's zone
  calendar_settings calendar;
  notify::branch_notify notify;  ///< where callback requests and low-balance notices go
};

struct tenant_document {
  company tenant;
  std::vector<branch> branches;
  std::vector<booking::service> services;
  std::vector<booking::staff_member> staff;

  /// The branch with `slug`, or nullptr.
  const branch* find_branch(std::string_view slug) const;
  /// The staff of branch `slug`, in file order.
  std::vector<booking::staff_member> staff_of(std::string_view branch_slug) const;
};

/// One thing wrong with a tenant file.
struct problem {
  std::string path;  ///< e.g. "branches[0].hours.mon[1]"; "(document)" for the whole text
  std::string message;
};

/// "path: message".
std::string to_string(const problem& p);

/// Every problem of `json_text` (empty when the file is valid): per object its unknown keys
/// first, then its members in the order of the format; checks across elements (duplicates,
/// references) come last.
[[nodiscard]] std::vector<problem> tenant_file_problems(std::string_view json_text);

/// The validated document. Errors: errc::invalid_argument whose detail is the first problem as
/// "path: message" (use `tenant_file_problems` for all of them).
[[nodiscard]] Result<tenant_document> parse_tenant_file(std::string_view json_text);

/// Reads and parses the file at `file_path`. Errors: errc::not_found when it cannot be read,
/// otherwise as `parse_tenant_file`.
[[nodiscard]] Result<tenant_document> load_tenant_file(const std::string& file_path);

}  // namespace askpro::actors::tenant
