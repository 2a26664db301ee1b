#include "actors/booking/engine_internal.hpp"

#include <date/tz.h>

#include <algorithm>

namespace askpro::actors::booking {
namespace {

/// One eligible staff member's blocked time over the query window.
struct staff_state {
  const staff_member* who;
  std::vector<span> blocked;
  std::size_t cursor = 0;
  minutes load{0};
};

/// A free start of one staff member; `rank` orders staff by preference for that day.
struct candidate {
  time_point start;
  std::size_t rank;
};

std::vector<staff_state> load_staff(const availability_context& ctx, const detail::setup& s,
                                    span window) {
  std::vector<staff_state> out;
  out.reserve(s.staff.size());
  for (const auto* who : s.staff)
    out.push_back({who, ctx.busy.blocked(who->slug, window.start, window.end, ctx.now)});
  return out;
}

/// Indices of `staff` ordered by the "any staff" preference for the day `day`.
std::vector<std::size_t> preference(std::vector<staff_state>& staff, span day) {
  std::vector<std::size_t> order(staff.size());
  for (std::size_t i = 0; i < staff.size(); ++i) {
    order[i] = i;
    staff[i].load = detail::booked_minutes(staff[i].blocked, day.start, day.end);
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return preferred({staff[a].who->slug, staff[a].load}, {staff[b].who->slug, staff[b].load});
  });
  return order;
}

/// Appends the slots of local date `day` to `out`, one per start instant.
void day_slots(const availability_context& ctx, const detail::setup& s,
               const detail::slot_shape& shape, date::local_days day,
               std::vector<staff_state>& staff, std::vector<slot>& out) {
  auto order = preference(staff, detail::day_span(*s.zone, day));
  std::vector<candidate> found;
  std::vector<time_point> starts;
  for (std::size_t rank = 0; rank < order.size(); ++rank) {
    auto& st = staff[order[rank]];
    starts.clear();
    for (const auto& work : detail::working_spans(*s.zone, ctx.branch, *st.who, day))
      detail::free_starts(work, st.blocked, st.cursor, shape, starts);
    for (auto t : starts) found.push_back({t, rank});
  }
  std::sort(found.begin(), found.end(), [](const candidate& a, const candidate& b) {
    return a.start != b.start ? a.start < b.start : a.rank < b.rank;
  });
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (i > 0 && found[i].start == found[i - 1].start) continue;
    const auto* who = staff[order[found[i].rank]].who;
    out.push_back({found[i].start, found[i].start + shape.svc.duration, who->slug});
  }
}

}  // namespace

Result<std::vector<slot>> slots(const availability_context& ctx, const service_request& req,
                                date::local_days from, date::local_days to) {
  auto s = detail::prepare(ctx, req);
  if (!s) return std::move(s.error());
  std::vector<slot> out;
  from = std::max(from, local_date_of(*s->zone, s->earliest));
  to = std::min(to, local_date_of(*s->zone, s->latest) + date::days{1});
  if (from >= to || s->staff.empty()) return out;
  span window{detail::day_span(*s->zone, from).start, detail::day_span(*s->zone, to).start};
  auto staff = load_staff(ctx, *s, window);
  detail::slot_shape shape{req.svc, ctx.rules.slot_step, s->earliest, s->latest};
  for (auto day = from; day < to; day += date::days{1}) {
    if (branch_day(ctx.branch, day).empty()) continue;
    day_slots(ctx, *s, shape, day, staff, out);
  }
  return out;
}

bool preferred(const staff_load& a, const staff_load& b) {
  return a.booked != b.booked ? a.booked < b.booked : a.slug < b.slug;
}

std::string_view choose_staff(const std::vector<staff_load>& candidates) {
  if (candidates.empty()) return {};
  return std::min_element(candidates.begin(), candidates.end(), preferred)->slug;
}

const char* to_string(check_status status) {
  switch (status) {
    case check_status::free:
      return "free";
    case check_status::slot_taken:
      return "slot_taken";
    case check_status::outside_hours:
      return "outside_hours";
    case check_status::in_past:
      return "in_past";
    case check_status::too_soon:
      return "too_soon";
    case check_status::beyond_horizon:
      return "beyond_horizon";
    case check_status::closed_day:
      return "closed_day";
    case check_status::off_grid:
      return "off_grid";
  }
  return "unknown";
}

}  // namespace askpro::actors::booking
