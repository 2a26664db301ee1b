#pragma once
/// The L1 cache of a remote calendar connection: slot answers by (event type, range, length),
/// reused until `ttl` has passed and dropped all at once when a booking changes (a booking of
/// one event type blocks its host for every other one, so entries are not dropped selectively).
/// Thread-safety: none; owned by the connection actor. Time is passed in.

#include "runtime/clock.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <tuple>
#include <vector>

namespace askpro::actors::calendar {

class slot_cache {
 public:
  using key = std::tuple<int64_t, int64_t, int64_t, int>;  ///< event type, from, to, length

  explicit slot_cache(std::chrono::milliseconds ttl) : ttl_(ttl) {}

  /// The stored answer when it is younger than the ttl.
  std::optional<std::vector<int64_t>> get(const key& k, runtime::clock::time_point now);
  /// Stores an answer fetched at `now` (nothing with a zero ttl).
  void put(const key& k, std::vector<int64_t> starts, runtime::clock::time_point now);
  /// Drops every entry.
  void clear();

  std::size_t size() const { return entries_.size(); }
  int64_t hits() const { return hits_; }
  int64_t misses() const { return misses_; }
  int64_t drops() const { return drops_; }

 private:
  struct entry {
    runtime::clock::time_point expires;
    std::vector<int64_t> starts;
  };
  std::chrono::milliseconds ttl_;
  std::map<key, entry> entries_;
  int64_t hits_ = 0, misses_ = 0, drops_ = 0;
};

}  // namespace askpro::actors::calendar
