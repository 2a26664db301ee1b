#include "actors/booking/engine_internal.hpp"

#include <date/tz.h>

#include <algorithm>

namespace askpro::actors::booking {
namespace {

/// How many local dates one search step covers after the requested date.
constexpr date::days chunk{7};

time_point::duration distance(time_point a, time_point b) {
  return a < b ? b - a : a - b;
}

/// Appends the earliest slots after `day` (exclusive) to `out` until it holds `n` or the
/// horizon is reached. `accept` filters candidates.
template <class Accept>
Result<void> fill_following(const availability_context& ctx, const service_request& req,
                            const detail::setup& s, date::local_days day, std::size_t n,
                            std::vector<slot>& out, Accept accept) {
  const auto last = local_date_of(*s.zone, s.latest);
  for (auto from = day + date::days{1}; from <= last && out.size() < n; from += chunk) {
    auto found = slots(ctx, req, from, from + chunk);
    if (!found) return std::move(found.error());
    for (auto& sl : *found) {
      if (out.size() == n) break;
      if (accept(sl)) out.push_back(std::move(sl));
    }
  }
  return {};
}

}  // namespace

Result<std::vector<slot>> alternatives(const availability_context& ctx, const service_request& req,
                                       time_point requested, std::size_t n) {
  auto s = detail::prepare(ctx, req);
  if (!s) return std::move(s.error());
  const auto day = local_date_of(*s->zone, requested);
  auto same = slots(ctx, req, day, day + date::days{1});
  if (!same) return std::move(same.error());
  std::vector<slot> out;
  for (auto& sl : *same)
    if (sl.start_utc != requested) out.push_back(std::move(sl));
  std::stable_sort(out.begin(), out.end(), [&](const slot& a, const slot& b) {
    return distance(a.start_utc, requested) < distance(b.start_utc, requested);
  });
  if (out.size() > n) out.resize(n);
  auto filled = fill_following(ctx, req, *s, day, n, out, [](const slot&) { return true; });
  if (!filled) return std::move(filled.error());
  return out;
}

Result<std::optional<slot>> next_free(const availability_context& ctx, const service_request& req,
                                      time_point after) {
  auto s = detail::prepare(ctx, req);
  if (!s) return std::move(s.error());
  std::vector<slot> out;
  const auto day = local_date_of(*s->zone, after);
  auto accept = [&](const slot& sl) { return sl.start_utc >= after; };
  auto filled = fill_following(ctx, req, *s, day - date::days{1}, 1, out, accept);
  if (!filled) return std::move(filled.error());
  if (out.empty()) return std::optional<slot>{};
  return std::optional<slot>{out.front()};
}

}  // namespace askpro::actors::booking
