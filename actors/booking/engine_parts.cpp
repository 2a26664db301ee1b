#include "actors/booking/engine_internal.hpp"

#include <date/tz.h>

#include <algorithm>

namespace askpro::actors::booking::detail {
namespace {

Result<std::vector<const staff_member*>> eligible(const availability_context& ctx,
                                                  const service_request& req) {
  std::vector<const staff_member*> out;
  for (const auto& who : ctx.staff) {
    if (req.staff && who.slug != *req.staff) continue;
    if (who.performs(req.svc.slug)) {
      out.push_back(&who);
    } else if (req.staff) {
      return make_error(errc::not_found,
                        "staff '" + who.slug + "' does not perform '" + req.svc.slug + "'");
    }
  }
  if (req.staff && out.empty())
    return make_error(errc::not_found, "unknown staff '" + *req.staff + "'");
  return out;
}

/// The first start at or after `t` on the grid of `work`.
time_point align_up(const span& work, minutes step, time_point t) {
  if (t <= work.start) return work.start;
  auto offset = t - work.start;
  auto steps = (offset + step - time_point::duration{1}) / step;
  return work.start + steps * step;
}

}  // namespace

Result<setup> prepare(const availability_context& ctx, const service_request& req) {
  setup out;
  out.zone = find_zone(ctx.branch.time_zone);
  if (out.zone == nullptr)
    return make_error(errc::invalid_argument, "unknown time zone '" + ctx.branch.time_zone + "'");
  if (ctx.rules.slot_step <= minutes{0})
    return make_error(errc::invalid_argument, "slot step must be positive");
  auto staff = eligible(ctx, req);
  if (!staff) return std::move(staff.error());
  out.staff = std::move(*staff);
  out.earliest = ctx.now + ctx.rules.min_notice;
  out.latest = ctx.now + date::days{ctx.rules.horizon_days};
  return out;
}

std::vector<span> working_spans(const date::time_zone& zone, const branch_hours& branch,
                                const staff_member& who, date::local_days day) {
  std::vector<span> out;
  for (const auto& iv : staff_day(branch, who, day)) {
    auto s = to_utc(zone, day, iv);
    if (s.start < s.end) out.push_back(s);
  }
  return out;
}

void free_starts(const span& work, const std::vector<span>& blocked, std::size_t& cursor,
                 const slot_shape& shape, std::vector<time_point>& out) {
  const auto before = shape.svc.buffer_before;
  const auto tail = shape.svc.duration + shape.svc.buffer_after;
  const time_point last = work.end - tail;
  time_point s = align_up(work, shape.step, std::max(work.start + before, shape.earliest));
  while (s <= last && s < shape.latest) {
    const time_point lo = s - before;
    const time_point hi = s + tail;
    while (cursor < blocked.size() && blocked[cursor].end <= lo) ++cursor;
    if (cursor < blocked.size() && blocked[cursor].start < hi) {
      s = align_up(work, shape.step, blocked[cursor].end + before);
      continue;
    }
    out.push_back(s);
    s += shape.step;
  }
}

minutes booked_minutes(const std::vector<span>& blocked, time_point from, time_point to) {
  auto pos = std::upper_bound(blocked.begin(), blocked.end(), from,
                              [](time_point t, const span& b) { return t < b.end; });
  time_point::duration total{0};
  for (; pos != blocked.end() && pos->start < to; ++pos)
    total += std::min(pos->end, to) - std::max(pos->start, from);
  return std::chrono::duration_cast<minutes>(total);
}

span day_span(const date::time_zone& zone, date::local_days day) {
  return to_utc(zone, day, interval{0, 1440});
}

}  // namespace askpro::actors::booking::detail
