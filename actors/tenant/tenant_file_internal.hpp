#pragma once
/// Pieces of the tenant file parser shared by its translation units. Internal.

#include "actors/tenant/json_reader.hpp"

#include <map>
#include <set>

namespace askpro::actors::tenant::detail {

/// `{"mon": [["09:00","12:00"], …], …}`; missing weekdays are closed.
booking::weekly_hours parse_week(json_reader& r, const json& v, const std::string& path);

/// One day's list of [start, end] pairs: sorted, checked for overlaps, touching ones merged.
booking::day_hours parse_day(json_reader& r, const json& v, const std::string& path);

/// An array of `YYYY-MM-DD` dates.
std::set<date::local_days> parse_dates(json_reader& r, const json& v, const std::string& path);

/// `{"YYYY-MM-DD": [[start, end], …]}`.
std::map<date::local_days, booking::day_hours> parse_special(json_reader& r, const json& v,
                                                             const std::string& path);

/// One element of `services`.
booking::service parse_service(json_reader& r, const json& v, const std::string& path);

/// One element of `staff`.
booking::staff_member parse_staff(json_reader& r, const json& v, const std::string& path);

/// `raw` in E.164 read with `region` ("ZZ": international form only), or nullopt after
/// reporting at `path` that it is not a valid number (the number itself is not echoed).
std::optional<std::string> e164_number(json_reader& r, const std::string& raw,
                                       const std::string& region, const std::string& path);

/// The company's `notifications` block.
notify::notification_settings parse_notifications(json_reader& r, const json& v,
                                                  const std::string& path);

/// A branch's `notify` block; its phone is read with `region` as `e164_number` does.
notify::branch_notify parse_branch_notify(json_reader& r, const json& v, const std::string& path,
                                          const std::string& region);

/// The whole document, element for element (indices match the file even for bad elements).
tenant_document parse_document(json_reader& r, const json& root);

/// Checks across elements: duplicate slugs, references of staff to branches and services,
/// labels that name two services.
void validate_references(json_reader& r, const tenant_document& doc);

}  // namespace askpro::actors::tenant::detail
