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

/// The next unmerged start of one staff member's list; `rank` orders staff by preference.
struct head {
  time_point start;
  std::size_t rank;
  std::size_t pos;  ///< index of `start` in the search's `starts_`
  /// Heap order: the earliest start on top, then the preferred staff member.
  friend bool operator<(const head& a, const head& b) {
    return a.start != b.start ? a.start > b.start : a.rank > b.rank;
  }
};

/// The day-by-day search of one `slots` call, with buffers reused across days.
class day_search {
 public:
  day_search(const availability_context& ctx, const detail::setup& s,
             const detail::slot_shape& shape, span window)
      : ctx_(ctx), setup_(s), shape_(shape) {
    staff_.reserve(s.staff.size());
    for (const auto* who : s.staff)
      staff_.push_back({who, ctx.busy.blocked(who->slug, window.start, window.end, ctx.now)});
  }

  /// Appends the slots of local date `day` to `out`, one per start instant.
  void run(date::local_days day, std::vector<slot>& out) {
    auto frame = detail::make_frame(*setup_.zone, ctx_.branch, day);
    if (frame.open.empty()) return;
    rank_staff(frame.bounds);
    starts_.clear();
    ends_.clear();
    for (std::size_t rank = 0; rank < order_.size(); ++rank) {
      auto& st = staff_[order_[rank]];
      detail::working_spans(frame, *st.who, work_);
      for (const auto& w : work_) detail::free_starts(w, st.blocked, st.cursor, shape_, starts_);
      ends_.push_back(starts_.size());
    }
    emit(out);
  }

 private:
  /// Orders staff by the "any staff" preference for the day `bounds`.
  void rank_staff(span bounds) {
    order_.resize(staff_.size());
    for (std::size_t i = 0; i < staff_.size(); ++i) {
      order_[i] = i;
      if (staff_.size() > 1)
        staff_[i].load = detail::booked_minutes(staff_[i].blocked, bounds.start, bounds.end);
    }
    std::sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
      return preferred({staff_[a].who->slug, staff_[a].load},
                       {staff_[b].who->slug, staff_[b].load});
    });
  }

  /// Emits one slot per start: the most preferred staff member free then. Each staff member's
  /// starts are sorted, so a k-way merge keeps the whole day in time order.
  void emit(std::vector<slot>& out) {
    heap_.clear();
    for (std::size_t rank = 0, begin = 0; rank < ends_.size(); begin = ends_[rank++])
      if (begin < ends_[rank]) heap_.push_back({starts_[begin], rank, begin});
    std::make_heap(heap_.begin(), heap_.end());
    while (!heap_.empty()) {
      std::pop_heap(heap_.begin(), heap_.end());
      head& h = heap_.back();
      if (out.empty() || out.back().start_utc != h.start) {
        const auto* who = staff_[order_[h.rank]].who;
        out.push_back({h.start, h.start + shape_.svc.duration, who->slug});
      }
      if (++h.pos < ends_[h.rank]) {
        h.start = starts_[h.pos];
        std::push_heap(heap_.begin(), heap_.end());
      } else {
        heap_.pop_back();
      }
    }
  }

  const availability_context& ctx_;
  const detail::setup& setup_;
  const detail::slot_shape& shape_;
  std::vector<staff_state> staff_;
  std::vector<std::size_t> order_;
  std::vector<time_point> starts_;  ///< free starts of all staff, grouped by rank
  std::vector<std::size_t> ends_;   ///< end of each rank's group in `starts_`
  std::vector<head> heap_;
  std::vector<span> work_;
};

}  // namespace

Result<std::vector<slot>> slots(const availability_context& ctx, const service_request& req,
                                date::local_days from, date::local_days to) {
  auto s = detail::prepare(ctx, req);
  if (!s) return std::move(s.error());
  std::vector<slot> out;
  from = std::max(from, local_date_of(*s->zone, s->earliest));
  to = std::min(to, local_date_of(*s->zone, s->latest) + date::days{1});
  if (from >= to || s->staff.empty()) return out;
  span window{detail::day_start(*s->zone, from), detail::day_start(*s->zone, to)};
  detail::slot_shape shape{req.svc, ctx.rules.slot_step, s->earliest, s->latest};
  day_search search{ctx, *s, shape, window};
  for (auto day = from; day < to; day += date::days{1}) search.run(day, out);
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
