#pragma once
/// The tenant catalog as rows: company, branches (hours, closed dates, special hours, phone
/// numbers, calendar), services (synonyms) and staff (services, own hours). The same records
/// are the input of provisioning (ids ignored) and the output of loading (ids set).
/// Conventions as in migrations/*/0002_domain.sql: minutes after local midnight, weekday
/// 0 = Monday, dates 'YYYY-MM-DD', times Unix ms. Thread-safety: plain values. A tenant_catalog
/// may travel in local CAF messages (declared here, once, for every user).

#include <caf/allowed_unsafe_message_type.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace askpro::persistence {

struct company_record {
  int64_t id = 0;
  std::string slug, name, time_zone, locale, country;
  std::string status = "active";
  std::string retell_api_key;  ///< secret: never log
  int slot_step_min = 15;
  int min_notice_min = 60;
  int horizon_days = 60;
  int reservation_ttl_s = 300;
  int64_t price_per_minute_cents = 0;
  std::string billing_rounding = "minute";
  int64_t low_balance_cents = 0;
  int64_t balance_cents = 0;         ///< read only: provisioning never changes the balance
  std::string notifications = "{}";  ///< JSON text: channels, reminder_hours, templates
  int transcript_days = 0;           ///< retention of call transcripts; 0 keeps them
};

/// One wall-clock interval on a weekday (branch or staff week).
struct weekly_interval {
  int weekday = 0;
  int start_min = 0;
  int end_min = 0;
};

/// Special hours on one date; no intervals = closed by special hours that day.
struct special_day {
  std::string day;
  std::vector<std::pair<int, int>> intervals;  ///< [start_min, end_min)
};

struct branch_record {
  int64_t id = 0;
  std::string slug, name, time_zone;
  std::string calendar_provider = "internal";
  std::string calendar_config = "{}";  ///< JSON text with provider credentials (secret)
  std::string notify = "{}";           ///< JSON text: where branch notices go (email, phone)
  bool active = true;
  std::vector<weekly_interval> hours;
  std::vector<std::string> closed;  ///< dates
  std::vector<special_day> special;
  std::vector<std::string> phone_numbers;  ///< E.164
};

struct service_record {
  int64_t id = 0;
  std::string slug, name;
  std::vector<std::string> synonyms;
  int duration_min = 30;
  int buffer_before_min = 0;
  int buffer_after_min = 0;
  int64_t price_cents = 0;
  std::optional<int64_t> calcom_event_type_id;
  bool active = true;
};

struct staff_record {
  int64_t id = 0;
  std::string slug, name;
  std::string branch_slug;  ///< provisioning refers to the branch by slug
  int64_t branch_id = 0;    ///< set when loaded
  std::optional<std::string> calcom_user;
  bool own_hours = false;
  std::vector<weekly_interval> hours;  ///< only when own_hours
  std::vector<std::string> service_slugs;
  bool active = true;
};

struct tenant_catalog {
  company_record company;
  std::vector<branch_record> branches;
  std::vector<service_record> services;
  std::vector<staff_record> staff;
};

}  // namespace askpro::persistence

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::persistence::tenant_catalog)
