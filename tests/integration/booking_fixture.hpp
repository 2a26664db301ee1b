#pragma once
/// Fixture of the booking suites: a tenant catalog seeded with `apply_tenant` into a real
/// database (SQLite file or MariaDB scratch database, tests/unit/persistence/backend.hpp), and
/// `booking_node`s — each its own actor system with a root supervisor holding /db, /tenants and
/// /directory on a manual clock — so a test drives bookings through the real actors.
///
/// Scenario: tenant "salon" (Europe/Berlin, DE), branch "mitte" open Mon–Sat 09:00–18:00,
/// service "cut" (30 min, "Haarschnitt"), staff "anna" and "ben" (both cut); slot step 15,
/// notice 60 min, horizon 60 days, reservations held 300 s.
/// now = 2026-12-01T08:00:00Z (Tuesday 09:00 in Berlin).
/// Thread-safety: use from the test thread (runtime::ask from other threads is fine).

#include "actors/calendar/protocol.hpp"
#include "actors/tenant/tenant_directory.hpp"
#include "config/settings.hpp"
#include "persistence/repo/catalog_records.hpp"
#include "runtime/clock.hpp"
#include "runtime/tree_registry.hpp"
#include "tests/unit/persistence/backend.hpp"

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>

#include <chrono>
#include <memory>
#include <string>

namespace askpro::test {

using namespace std::chrono_literals;
using actors::calendar::time_point;

/// The fixed "now" of the scenario.
time_point scenario_now();
/// A Berlin wall-clock instant.
time_point berlin(int y, unsigned m, unsigned d, int hh, int mm = 0);

/// The scenario's catalog (tenant "salon"), to seed as it is or varied.
persistence::tenant_catalog salon_catalog();

/// Applies the scenario's catalog (migrating first); returns the company id.
int64_t seed_salon(const backend& db);
/// Applies `catalog` (migrating first); returns the company id.
int64_t seed_catalog(const backend& db, const persistence::tenant_catalog& catalog);

/// Booked appointments of the scenario's tenant (plain SQL).
int64_t count_booked(const backend& db);

class booking_node {
 public:
  explicit booking_node(const config::storage_settings& storage,
                        std::chrono::seconds idle = std::chrono::seconds{600});
  ~booking_node();
  booking_node(const booking_node&) = delete;
  booking_node& operator=(const booking_node&) = delete;

  caf::actor_system& sys() { return *sys_; }
  runtime::tree_registry& registry() { return *registry_; }
  runtime::manual_clock& clock() { return *clock_; }
  caf::actor directory() const { return registry_->actor_at("/directory"); }

  /// Asks the directory for `slug`.
  Result<actors::tenant::tenant_handle> tenant(const std::string& slug = "salon");
  /// The booking actor of `slug` (REQUIREs the lookup to succeed).
  caf::actor booking(const std::string& slug = "salon");
  /// Sends the explicit idle check; the slugs stopped.
  std::vector<std::string> idle_tick();
  /// Stops the tree; true when it went down in time.
  bool stop();

 private:
  caf::actor_system_config cfg_;
  std::unique_ptr<caf::actor_system> sys_;
  runtime::registry_ptr registry_;
  std::shared_ptr<runtime::manual_clock> clock_;
  caf::actor root_;
};

/// A booking request of "cut" at `start` in branch "mitte".
actors::calendar::book_request cut_at(time_point start, std::optional<std::string> staff = {});

/// Books through the booking actor (blocking, 30 s timeout).
Result<actors::calendar::book_reply> book(booking_node& n, const actors::calendar::book_request& r);

/// Polls `pred` until it holds or `timeout` passes; its last value.
bool eventually(const std::function<bool()>& pred,
                std::chrono::milliseconds timeout = std::chrono::seconds{10});

}  // namespace askpro::test

/// Declares `static void fn(backend&)` and registers it against SQLite and MariaDB, named
/// "<title> - sqlite" / "<title> - mysql" (tags [booking][sqlite] / [booking][mysql]).
#define BOOKING_CASE(title, tags)                                               \
  static void ASKPRO_PP_CAT(booking_case_, __LINE__)(::askpro::test::backend&); \
  TEST_CASE(title " - sqlite", "[booking][sqlite]" tags) {                      \
    ::askpro::test::with_sqlite(ASKPRO_PP_CAT(booking_case_, __LINE__));        \
  }                                                                             \
  TEST_CASE(title " - mysql", "[booking][mysql]" tags) {                        \
    ::askpro::test::with_mysql(ASKPRO_PP_CAT(booking_case_, __LINE__));         \
  }                                                                             \
  static void ASKPRO_PP_CAT(booking_case_, __LINE__)(::askpro::test::backend & db)
