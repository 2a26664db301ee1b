#include "actors/calendar/slot_cache.hpp"

namespace askpro::actors::calendar {

std::optional<std::vector<int64_t>> slot_cache::get(const key& k, runtime::clock::time_point now) {
  auto it = entries_.find(k);
  if (it == entries_.end() || it->second.expires <= now) {
    if (it != entries_.end()) entries_.erase(it);
    ++misses_;
    return std::nullopt;
  }
  ++hits_;
  return it->second.starts;
}

void slot_cache::put(const key& k, std::vector<int64_t> starts, runtime::clock::time_point now) {
  if (ttl_.count() <= 0) return;
  // Expired entries go on the way, so a connection asked for many ranges stays small.
  for (auto it = entries_.begin(); it != entries_.end();)
    it = it->second.expires <= now ? entries_.erase(it) : std::next(it);
  entries_[k] = entry{now + ttl_, std::move(starts)};
}

void slot_cache::clear() {
  if (!entries_.empty()) ++drops_;
  entries_.clear();
}

}  // namespace askpro::actors::calendar
