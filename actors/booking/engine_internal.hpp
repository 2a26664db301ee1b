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

/// The UTC working spans of `who` on local date `day`.
std::vector<span> working_spans(const date::time_zone& zone, const branch_hours& branch,
                                const staff_member& who, date::local_days day);

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

/// The first instant of local date `day` and of the date after it.
span day_span(const date::time_zone& zone, date::local_days day);

}  // namespace askpro::actors::booking::detail
