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

day_frame make_frame(const date::time_zone& zone, const branch_hours& branch,
                     date::local_days day) {
  day_frame f;
  f.zone = &zone;
  f.day = day;
  f.bounds = {day_start(zone, day), day_start(zone, day + date::days{1})};
  auto info = zone.get_info(date::floor<std::chrono::seconds>(f.bounds.start));
  f.uniform = f.bounds.end - f.bounds.start == date::days{1} && info.end >= f.bounds.end;
  f.open = branch_day(branch, day);
  return f;
}

void working_spans(const day_frame& frame, const staff_member& who, std::vector<span>& out) {
  out.clear();
  if (frame.open.empty()) return;
  const day_hours* hours = &frame.open;
  day_hours own;
  if (who.hours) {
    own =
        intersect(frame.open, who.hours->days[static_cast<std::size_t>(weekday_index(frame.day))]);
    hours = &own;
  }
  for (const auto& iv : *hours) {
    auto s = frame.uniform ? span{frame.bounds.start + minutes{iv.start_min},
                                  frame.bounds.start + minutes{iv.end_min}}
                           : to_utc(*frame.zone, frame.day, iv);
    if (s.start < s.end) out.push_back(s);
  }
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

time_point day_start(const date::time_zone& zone, date::local_days day) {
  return zone.to_sys(date::local_seconds{day}, date::choose::earliest);
}

}  // namespace askpro::actors::booking::detail
