#pragma once
/// The booking load of the booking and jobs benchmarks: a tenant with 20 staff members seeded
/// into a database, a tenancy tree over it, and `total` bookings sent to its booking actor from
/// `threads` client threads (each booking for a known customer with phone and e-mail). With an
/// outbox policy every booking also enqueues its confirmations and reminders in its transaction.
/// Thread-safety: call from main only.

#include "actors/notify/outbox_policy.hpp"
#include "config/settings.hpp"

#include <string>

namespace askpro::bench {

struct booking_load {
  int total = 400;
  int threads = 8;
  actors::notify::outbox_policy_ptr notify;  ///< null: bookings enqueue nothing
  bool customers = false;      ///< each booking for its own customer (phone and e-mail)
  std::string slug = "bench";  ///< the tenant (runs on one database use distinct ones)
};

inline constexpr int booking_staff = 20;

/// Seeds a fresh tenant into `storage` (whose database may hold an earlier run's), books and
/// prints one row (bench_stats.hpp) labelled `label`.
void run_bookings(const std::string& label, const config::storage_settings& storage,
                  const booking_load& load);

}  // namespace askpro::bench
