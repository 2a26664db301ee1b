#include "actors/booking/busy_index.hpp"

#include <algorithm>

namespace askpro::actors::booking {
namespace {

constexpr time_point never = time_point::max();

template <class Entry>
bool earlier(const Entry& a, const Entry& b) {
  return a.start < b.start;
}

}  // namespace

busy_index::busy_index(const std::vector<appointment_block>& appointments,
                       const std::vector<reservation_block>& reservations) {
  for (const auto& a : appointments) add(a);
  for (const auto& r : reservations) add(r);
}

void busy_index::add(const appointment_block& a) {
  insert(a.staff, {a.start - a.buffer_before, a.end + a.buffer_after, never});
}

void busy_index::add(const reservation_block& r) {
  insert(r.staff, {r.start - r.buffer_before, r.end + r.buffer_after, r.expires_at});
}

bool busy_index::remove(const appointment_block& a) {
  return erase(a.staff, {a.start - a.buffer_before, a.end + a.buffer_after, never});
}

bool busy_index::remove(const reservation_block& r) {
  return erase(r.staff, {r.start - r.buffer_before, r.end + r.buffer_after, r.expires_at});
}

void busy_index::drop_expired(time_point now) {
  for (auto& [slug, list] : staff_) {
    auto& v = list.by_start;
    v.erase(std::remove_if(v.begin(), v.end(), [&](const entry& e) { return e.expires <= now; }),
            v.end());
  }
}

std::size_t busy_index::size() const {
  std::size_t n = 0;
  for (const auto& [slug, list] : staff_) n += list.by_start.size();
  return n;
}

void busy_index::insert(const std::string& staff, entry e) {
  if (e.end <= e.start) return;
  auto& list = staff_[staff];
  auto pos = std::upper_bound(list.by_start.begin(), list.by_start.end(), e,
                              [](const entry& a, const entry& b) { return earlier(a, b); });
  list.by_start.insert(pos, e);
  list.longest = std::max(list.longest, e.end - e.start);
}

bool busy_index::erase(const std::string& staff, const entry& e) {
  auto it = staff_.find(staff);
  if (it == staff_.end()) return false;
  auto& v = it->second.by_start;
  auto pos = std::lower_bound(v.begin(), v.end(), e,
                              [](const entry& a, const entry& b) { return earlier(a, b); });
  for (; pos != v.end() && pos->start == e.start; ++pos) {
    if (pos->end == e.end && pos->expires == e.expires) {
      v.erase(pos);
      return true;
    }
  }
  return false;
}

std::vector<span> busy_index::blocked(std::string_view staff, time_point from, time_point to,
                                      time_point now) const {
  std::vector<span> out;
  auto it = staff_.find(staff);
  if (it == staff_.end()) return out;
  const auto& list = it->second;
  // No entry starting before `from - longest` can reach into the window.
  entry probe{from - list.longest, from, never};
  auto pos = std::lower_bound(list.by_start.begin(), list.by_start.end(), probe,
                              [](const entry& a, const entry& b) { return earlier(a, b); });
  for (; pos != list.by_start.end() && pos->start < to; ++pos) {
    if (pos->end <= from || pos->expires <= now) continue;
    if (!out.empty() && pos->start <= out.back().end)
      out.back().end = std::max(out.back().end, pos->end);
    else
      out.push_back({pos->start, pos->end});
  }
  return out;
}

}  // namespace askpro::actors::booking
