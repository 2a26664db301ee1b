// GET /api/v2/branches|services|staff and /{id} (id: numeric id or slug). Lists are pages in id
// order; a branch-limited token sees only its branches and their staff.
#include "actors/api/api_catalog.hpp"
#include "actors/booking/wall_clock_text.hpp"
#include "net/api/api_internal.hpp"

#include <array>

namespace askpro::net::api {
namespace {

using nlohmann::json;
using persistence::tenant_catalog;

json week_json(const std::vector<persistence::weekly_interval>& rows) {
  static constexpr std::array<const char*, 7> names{"mon", "tue", "wed", "thu",
                                                    "fri", "sat", "sun"};
  json out = json::object();
  for (const auto* n : names) out[n] = json::array();
  for (const auto& r : rows)
    if (r.weekday >= 0 && r.weekday < 7)
      out[names[static_cast<std::size_t>(r.weekday)]].push_back(
          {actors::booking::format_hhmm(r.start_min), actors::booking::format_hhmm(r.end_min)});
  return out;
}

json branch_json(const persistence::branch_record& b) {
  json special = json::object();
  for (const auto& day : b.special) {
    json spans = json::array();
    for (const auto& [from, to] : day.intervals)
      spans.push_back({actors::booking::format_hhmm(from), actors::booking::format_hhmm(to)});
    special[day.day] = std::move(spans);
  }
  return {{"id", b.id},
          {"slug", b.slug},
          {"name", b.name},
          {"timezone", b.time_zone},
          {"phone_numbers", b.phone_numbers},
          {"hours", week_json(b.hours)},
          {"closed", b.closed},
          {"special_hours", std::move(special)}};
}

json service_json(const persistence::service_record& s) {
  return {{"id", s.id},
          {"slug", s.slug},
          {"name", s.name},
          {"synonyms", s.synonyms},
          {"duration_min", s.duration_min},
          {"buffer_before_min", s.buffer_before_min},
          {"buffer_after_min", s.buffer_after_min},
          {"price_cents", s.price_cents}};
}

json staff_json(const persistence::staff_record& s) {
  json out{{"id", s.id},
           {"slug", s.slug},
           {"name", s.name},
           {"branch", s.branch_slug},
           {"services", s.service_slugs},
           {"hours", nullptr}};
  if (s.own_hours) out["hours"] = week_json(s.hours);
  return out;
}

/// One catalog resource: where its rows are in the catalog, how one is rendered, its name.
template <class Record>
struct resource {
  const char* path;  ///< "/api/v2/branches"
  const char* what;  ///< "branch" (404 detail)
  const std::vector<Record>& (*rows)(const tenant_catalog&);
  json (*render)(const Record&);
};

template <class Record>
void list(const resource<Record>& r, api_call& call) {
  auto page = read_page(call);
  if (!page) return;
  auto catalog = actors::api::visible_catalog(call.env.deps, call.who);
  if (!catalog) return respond_failure(call.res, catalog.error());
  json items = json::array();
  std::optional<cursor_key> next;
  for (const auto& row : r.rows(*catalog)) {
    if (page->after && row.id <= page->after->id) continue;
    if (static_cast<int>(items.size()) == page->limit) {
      next = cursor_key{items.back()["id"].get<int64_t>(), items.back()["id"].get<int64_t>()};
      break;
    }
    items.push_back(r.render(row));
  }
  respond_list(call, std::move(items), next);
}

template <class Record>
void one(const resource<Record>& r, api_call& call) {
  auto catalog = actors::api::visible_catalog(call.env.deps, call.who);
  if (!catalog) return respond_failure(call.res, catalog.error());
  const auto* row = actors::api::find_ref(r.rows(*catalog), call.path_arg());
  if (!row) return respond_not_found(call.res, r.what);
  respond_item(call, r.render(*row));
}

template <class Record>
void mount_resource(api_mount& m, const resource<Record>& r) {
  m.add("GET", r.path, api_access::read, [r](api_call& call) { list(r, call); });
  m.add("GET", std::string{r.path} + "/{id}", api_access::read,
        [r](api_call& call) { one(r, call); });
}

}  // namespace

void mount_catalog(api_mount& m) {
  mount_resource<persistence::branch_record>(
      m, {"/api/v2/branches", "branch",
          [](const tenant_catalog& c) -> const auto& { return c.branches;
}
, branch_json
}  // namespace askpro::net::api
);
  mount_resource<persistence::service_record>(
      m, {"/api/v2/services", "service",
          [](const tenant_catalog& c) -> const auto& { return c.services;
  }
  , service_json
  });
  mount_resource<persistence::staff_record>(
      m, {"/api/v2/staff", "staff member",
          [](const tenant_catalog& c) -> const auto& { return c.staff;
  }
  , staff_json
  });
  }

  }  // namespace askpro::net::api
