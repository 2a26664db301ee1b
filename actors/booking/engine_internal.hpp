#pragma once
/// Building blocks shared by the engine's translation units (slots, check, alternatives).
/// Internal to actors/booking; not part of the public interface.

#include "actors/booking/availability.hpp"
#include "actors/booking/hours.hpp"

namespace askpro::actors::booking::detail {

/// The validated, resolved parts of a request.
struct setup {
  const date::time_zone* zone = nullptr;
  std::vector<const staff_member*> staff;  ///< eligible staff, in context order
  time_point earliest;                     ///< now + min_notice
  time_point latest;                       ///< now + horizon (exclusive)
};

/// Resolves the zone and the eligible staff; errors as documented in availability.hpp.
[[nodiscard]] Result<setup> prepare(const availability_context& ctx, const service_request& req);

/// One local date of the branch, resolved once for all staff of a query.
struct day_frame {
  const date::time_zone* zone = nullptr;
  date::local_days day;
  span bounds;           ///< [local midnight, next local midnight) as instants
  bool uniform = false;  ///< one UTC offset all day: wall-clock minutes map by addition
  day_hours open;        ///< branch_day(branch, day)
};

/// Resolves `day` (one tz lookup; intervals then convert without further lookups on days
/// without a daylight-saving change).
day_frame make_frame(const date::time_zone& zone, const branch_hours& branch, date::local_days day);

/// Replaces `out` with the UTC working spans of `who` in `frame`.
void working_spans(const day_frame& frame, const staff_member& who, std::vector<span>& out);

/// Bounds and shape of the slots being searched.
struct slot_shape {
  const service& svc;
  minutes step;
  time_point earliest;
  time_point latest;
};

/// Appends to `out` every free, aligned start inside `work`. `blocked` is merged and sorted;
/// `cursor` indexes into it and only moves forward, so successive calls must visit working spans
/// in increasing time order.
void free_starts(const span& work, const std::vector<span>& blocked, std::size_t& cursor,
                 const slot_shape& shape, std::vector<time_point>& out);

/// Minutes of `blocked` (merged, sorted) inside [from, to).
minutes booked_minutes(const std::vector<span>& blocked, time_point from, time_point to);

/// The first instant of local date `day`.
time_point day_start(const date::time_zone& zone, date::local_days day);

}  // namespace askpro::actors::booking::detail
