#pragma once
/// Blocked time per staff member, indexed for availability queries: each appointment or
/// reservation blocks [start - buffer_before, end + buffer_after) of its staff member. Entries
/// are kept per staff sorted by blocked start, so a query reads only the entries that overlap
/// its window (binary search) instead of scanning every appointment.
/// Thread-safety: not synchronised; concurrent const use is safe, mutation needs exclusive
/// access (the booking actor owns one index per branch).

#include "actors/booking/model.hpp"

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace askpro::actors::booking {

class busy_index {
 public:
  busy_index() = default;

  /// Builds an index from appointments and reservations.
  busy_index(const std::vector<appointment_block>& appointments,
             const std::vector<reservation_block>& reservations);

  /// Adds an appointment (never expires).
  void add(const appointment_block& a);

  /// Adds a reservation; it stops blocking once `now >= expires_at`.
  void add(const reservation_block& r);

  /// Removes one entry equal to `a` (same staff, start, end, buffers); false if none.
  bool remove(const appointment_block& a);

  /// Removes one entry equal to `r`; false if none.
  bool remove(const reservation_block& r);

  /// Drops reservations that expired at or before `now`.
  void drop_expired(time_point now);

  /// Number of entries (appointments and reservations, expired or not).
  std::size_t size() const;

  /// The live blocked spans of `staff` that overlap [from, to), merged where they touch or
  /// overlap, sorted by start.
  std::vector<span> blocked(std::string_view staff, time_point from, time_point to,
                            time_point now) const;

 private:
  struct entry {
    time_point start;  ///< blocked start (buffer included)
    time_point end;    ///< blocked end (buffer included)
    time_point expires;
  };
  struct per_staff {
    std::vector<entry> by_start;
    time_point::duration longest{0};
  };

  void insert(const std::string& staff, entry e);
  bool erase(const std::string& staff, const entry& e);

  std::map<std::string, per_staff, std::less<>> staff_;
};

}  // namespace askpro::actors::booking
