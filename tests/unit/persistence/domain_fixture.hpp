#pragma once
/// Test fixture for the tenant repositories: inserts a minimal tenant (company, branch, service,
/// two staff members) with plain SQL, independent of the catalog provisioning code, plus
/// helpers for time arithmetic and for starting many threads at once.
/// Thread-safety: insert_domain uses the given connection from the calling thread; start_gate
/// is shared by the threads it releases.

#include "persistence/connection.hpp"
#include "persistence/repo/booking_repo.hpp"
#include "persistence/repo/tenant_scope.hpp"

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>

namespace askpro::test {

/// Ids of what insert_domain created.
struct domain_ids {
  int64_t company = 0, branch = 0, service = 0, staff = 0, other_staff = 0;
  persistence::tenant_scope scope() const { return persistence::tenant_scope{company}; }
};

/// Inserts company `slug` with branch "main", service "cut" (30 min, buffers 10 before and 5
/// after) and staff members "anna" and "ben" of that branch, all active. REQUIREs success.
domain_ids insert_domain(persistence::connection& conn, const std::string& slug);

/// A fixed instant (a Monday, 2027-01-04 09:00 UTC) and minute arithmetic in Unix ms.
inline constexpr int64_t t0 = 1'799'053'200'000;
inline constexpr int64_t minutes(int64_t n) {
  return n * 60'000;
}

/// A booking of `ids.staff` for the service over [start, end), without buffers unless given.
persistence::booking_request booking(const domain_ids& ids, int64_t start, int64_t end,
                                     int before = 0, int after = 0);
/// A reservation of `ids.staff` over [start, end) held until `expires_at`.
persistence::reservation_request reservation(const domain_ids& ids, int64_t start, int64_t end,
                                             int64_t expires_at);

/// Row count of `table` WHERE `where` (plain SQL in tests only).
int64_t count_rows(persistence::connection& conn, const std::string& table,
                   const std::string& where = "1 = 1");

/// Releases all waiting threads once `parties` of them arrived (a one-shot latch).
class start_gate {
 public:
  explicit start_gate(int parties) : waiting_(parties) {}
  void arrive_and_wait() {
    std::unique_lock<std::mutex> lock{mtx_};
    if (--waiting_ == 0) {
      cv_.notify_all();
      return;
    }
    cv_.wait(lock, [this] { return waiting_ <= 0; });
  }

 private:
  std::mutex mtx_;
  std::condition_variable cv_;
  int waiting_;
};

}  // namespace askpro::test
