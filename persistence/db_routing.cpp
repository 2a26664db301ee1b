#include "persistence/db_routing.hpp"

#include <algorithm>

namespace askpro::persistence::detail {
namespace {

std::optional<std::size_t> least_busy(const std::vector<worker_slot>& slots, bool readers_only) {
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < slots.size(); ++i) {
    const auto& s = slots[i];
    if (!s.handle || (readers_only && !s.reader)) continue;
    if (!best || s.pending < slots[*best].pending) best = i;
  }
  return best;
}

}  // namespace

std::vector<worker_slot> make_slots(const config::storage_settings& storage) {
  std::vector<worker_slot> out;
  if (storage.driver == "mysql") {
    for (int i = 1; i <= std::max(1, storage.mysql_pool); ++i)
      out.push_back({"conn-" + std::to_string(i), false, {}, 0});
    return out;
  }
  out.push_back({"writer", false, {}, 0});
  for (int i = 1; i <= storage.sqlite_readers; ++i)
    out.push_back({"reader-" + std::to_string(i), true, {}, 0});
  return out;
}

std::optional<std::size_t> pick_slot(const std::vector<worker_slot>& slots, bool mysql,
                                     access mode) {
  if (mysql) return least_busy(slots, false);
  bool has_readers = std::any_of(slots.begin(), slots.end(), [](auto& s) { return s.reader; });
  if (mode == access::read && has_readers) return least_busy(slots, true);
  if (!slots.empty() && slots.front().handle) return std::size_t{0};
  return std::nullopt;
}

}  // namespace askpro::persistence::detail
