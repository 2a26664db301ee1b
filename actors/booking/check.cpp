#include "actors/booking/engine_internal.hpp"

#include <date/tz.h>

namespace askpro::actors::booking {
namespace {

/// What one staff member's day says about the requested start.
enum class fit { outside, off_grid, taken, free };

fit classify(const availability_context& ctx, const detail::day_frame& frame, const service& svc,
             const staff_member& who, time_point start) {
  const time_point lo = start - svc.buffer_before;
  const time_point hi = start + svc.duration + svc.buffer_after;
  std::vector<span> work_spans;
  detail::working_spans(frame, who, work_spans);
  for (const auto& work : work_spans) {
    if (lo < work.start || hi > work.end) continue;
    if ((start - work.start) % ctx.rules.slot_step != time_point::duration{0}) return fit::off_grid;
    bool blocked = !ctx.busy.blocked(who.slug, lo, hi, ctx.now).empty();
    return blocked ? fit::taken : fit::free;
  }
  return fit::outside;
}

/// The status implied by the rules of time alone, if any.
std::optional<check_status> by_time(const detail::setup& s, const availability_context& ctx,
                                    time_point start) {
  if (start < ctx.now) return check_status::in_past;
  if (start < s.earliest) return check_status::too_soon;
  if (start >= s.latest) return check_status::beyond_horizon;
  if (branch_day(ctx.branch, local_date_of(*s.zone, start)).empty())
    return check_status::closed_day;
  return std::nullopt;
}

}  // namespace

Result<check_result> check(const availability_context& ctx, const service_request& req,
                           time_point start) {
  auto s = detail::prepare(ctx, req);
  if (!s) return std::move(s.error());
  if (auto status = by_time(*s, ctx, start)) return check_result{*status, std::nullopt};
  auto frame = detail::make_frame(*s->zone, ctx.branch, local_date_of(*s->zone, start));
  const auto day = frame.bounds;
  fit best = fit::outside;
  std::vector<staff_load> free_staff;
  for (const auto* who : s->staff) {
    fit f = classify(ctx, frame, req.svc, *who, start);
    if (f == fit::free) {
      auto blocked = ctx.busy.blocked(who->slug, day.start, day.end, ctx.now);
      free_staff.push_back({who->slug, detail::booked_minutes(blocked, day.start, day.end)});
    }
    best = std::max(best, f);
  }
  switch (best) {
    case fit::free: {
      std::string staff{choose_staff(free_staff)};
      return check_result{check_status::free, slot{start, start + req.svc.duration, staff}};
    }
    case fit::taken:
      return check_result{check_status::slot_taken, std::nullopt};
    case fit::off_grid:
      return check_result{check_status::off_grid, std::nullopt};
    case fit::outside:
      break;
  }
  return check_result{check_status::outside_hours, std::nullopt};
}

}  // namespace askpro::actors::booking
