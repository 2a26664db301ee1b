// GET /api/v2/appointments (filters from, to, status, branch, staff, customer; keyset pages in
// (start, id) order) and GET /api/v2/appointments/{id}. `from` (inclusive) and `to` (exclusive)
// bound the start: ISO 8601 with offset, or a date meaning local midnight in the tenant's zone.
// `branch` and `staff` take an id or a slug the token sees. The write routes are in
// appointment_write_routes.cpp.
#include "actors/api/api_appointments.hpp"
#include "actors/api/api_catalog.hpp"
#include "actors/api/api_time.hpp"
#include "net/api/api_internal.hpp"
#include "net/api/appointment_json.hpp"

#include <set>

namespace askpro::net::api {
namespace {

using errors_t = std::vector<http::field_error>;
using persistence::appointment_filter;

bool is_date(const std::string& text) {
  return text.size() == 10;
}

/// Whether the filters need the catalog (references by slug, dates in the tenant's zone).
bool needs_catalog(api_call& call) {
  auto from = call.query("from"), to = call.query("to");
  return call.query("branch") || call.query("staff") || (from && is_date(*from)) ||
         (to && is_date(*to));
}

std::optional<int64_t> read_bound(api_call& call, const char* name,
                                  const persistence::tenant_catalog* catalog, errors_t& errors) {
  auto text = call.query(name);
  if (!text) return std::nullopt;
  auto at = is_date(*text) && catalog
                ? actors::api::local_midnight(catalog->company.time_zone, *text)
                : actors::api::parse_iso_instant(*text);
  if (!at) {
    errors.push_back({name, "not an ISO 8601 time with offset nor a date (YYYY-MM-DD)"});
    return std::nullopt;
  }
  return runtime::to_unix_ms(*at);
}

template <class Record>
std::optional<int64_t> read_ref(api_call& call, const char* name, const std::vector<Record>& rows,
                                errors_t& errors) {
  auto text = call.query(name);
  if (!text) return std::nullopt;
  const auto* row = actors::api::find_ref(rows, *text);
  if (!row) errors.push_back({name, std::string{"unknown "} + name});
  return row ? std::optional<int64_t>{row->id} : std::nullopt;
}

void read_plain_filters(api_call& call, appointment_filter& f, errors_t& errors) {
  static const std::set<std::string> statuses{"booked", "cancelled", "rescheduled", "completed",
                                              "no_show"};
  if (auto status = call.query("status")) {
    if (statuses.count(*status))
      f.status = *status;
    else
      errors.push_back({"status", "one of booked, cancelled, rescheduled, completed, no_show"});
  }
  if (auto customer = call.query("customer")) {
    try {
      std::size_t used = 0;
      f.customer_id = std::stoll(*customer, &used);
      if (used != customer->size()) throw std::invalid_argument{"tail"};
    } catch (const std::exception&) {
      errors.push_back({"customer", "a customer id"});
    }
  }
}

/// The filter of the request, or nullopt after answering (422 naming each invalid parameter).
std::optional<appointment_filter> read_filter(api_call& call, const page_request& page) {
  appointment_filter f;
  errors_t errors;
  std::optional<persistence::tenant_catalog> catalog;
  if (needs_catalog(call)) {
    auto loaded = actors::api::visible_catalog(call.env.deps, call.who);
    if (!loaded) return respond_failure(call.res, loaded.error()), std::nullopt;
    catalog = std::move(*loaded);
    f.branch_id = read_ref(call, "branch", catalog->branches, errors);
    f.staff_id = read_ref(call, "staff", catalog->staff, errors);
  }
  const auto* c = catalog ? &*catalog : nullptr;
  f.from_ms = read_bound(call, "from", c, errors);
  f.to_ms = read_bound(call, "to", c, errors);
  read_plain_filters(call, f, errors);
  if (!errors.empty()) return respond_invalid(call.res, std::move(errors)), std::nullopt;
  f.limit = page.limit;
  if (page.after) f.after = std::make_pair(page.after->sort, page.after->id);
  return f;
}

void list(api_call& call) {
  auto page = read_page(call);
  if (!page) return;
  auto filter = read_filter(call, *page);
  if (!filter) return;
  auto found = actors::api::list_appointments(call.env.deps, call.who, std::move(*filter));
  if (!found) return respond_failure(call.res, found.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& v : found->items) items.push_back(appointment_json(v));
  std::optional<cursor_key> next;
  if (found->more && !found->items.empty()) {
    const auto& last = found->items.back().record;
    next = cursor_key{last.start_at, last.id};
  }
  respond_list(call, std::move(items), next);
}

void one(api_call& call) {
  auto id = appointment_id(call);
  if (!id) return respond_not_found(call.res, "appointment");
  auto found = actors::api::find_appointment(call.env.deps, call.who, *id);
  if (!found) return respond_failure(call.res, found.error());
  if (!*found) return respond_not_found(call.res, "appointment");
  respond_item(call, appointment_json(**found));
}

}  // namespace

std::optional<int64_t> appointment_id(const api_call& call) {
  auto text = call.path_arg();
  if (text.empty() || text.size() > 18) return std::nullopt;
  for (char c : text)
    if (c < '0' || c > '9') return std::nullopt;
  return std::stoll(text);
}

void mount_appointments(api_mount& m) {
  m.add("GET", "/api/v2/appointments", api_access::read, list);
  m.add("GET", "/api/v2/appointments/{id}", api_access::read, one);
  mount_appointment_writes(m);
}

}  // namespace askpro::net::api
