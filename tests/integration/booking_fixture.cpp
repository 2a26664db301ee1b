#include "tests/integration/booking_fixture.hpp"

#include "actors/tenant/tenancy_root.hpp"
#include "actors/tenant/tenant_supervisor.hpp"
#include "persistence/db_actor.hpp"
#include "persistence/repo/catalog_repo.hpp"
#include "runtime/bridge.hpp"
#include "runtime/supervisor.hpp"
#include "tests/unit/persistence/actor_fixture.hpp"

#include <date/tz.h>
#include <caf/all.hpp>

#include <thread>

namespace askpro::test {

persistence::tenant_catalog salon_catalog() {
  persistence::tenant_catalog c;
  c.company.slug = "salon";
  c.company.name = "Salon Test";
  c.company.time_zone = "Europe/Berlin";
  c.company.locale = "de-DE";
  c.company.country = "DE";
  persistence::branch_record b;
  b.slug = "mitte";
  b.name = "Mitte";
  b.time_zone = "Europe/Berlin";
  for (int wd = 0; wd < 6; ++wd) b.hours.push_back({wd, 9 * 60, 18 * 60});
  b.phone_numbers = {"+49301110000"};
  c.branches.push_back(b);
  persistence::service_record cut;
  cut.slug = "cut";
  cut.name = "Haarschnitt";
  cut.duration_min = 30;
  c.services.push_back(cut);
  for (const char* who : {"anna", "ben"}) {
    persistence::staff_record s;
    s.slug = who;
    s.name = who;
    s.branch_slug = "mitte";
    s.service_slugs = {"cut"};
    c.staff.push_back(s);
  }
  return c;
}

time_point scenario_now() {
  return date::sys_days{date::year{2026} / 12 / 1} + std::chrono::hours{8};
}

time_point berlin(int y, unsigned m, unsigned d, int hh, int mm) {
  auto local =
      date::local_days{date::year{y} / m / d} + std::chrono::hours{hh} + std::chrono::minutes{mm};
  return date::locate_zone("Europe/Berlin")->to_sys(local, date::choose::earliest);
}

int64_t seed_salon(const backend& db) {
  return seed_catalog(db, salon_catalog());
}

int64_t seed_catalog(const backend& db, const persistence::tenant_catalog& catalog) {
  auto conn = db.migrated();
  auto out =
      expect_ok(persistence::apply_tenant(*conn, catalog, runtime::to_unix_ms(scenario_now())));
  return out.scope.company_id();
}

int64_t count_booked(const backend& db) {
  auto conn = db.connect();
  auto rs =
      expect_ok(conn->query("SELECT COUNT(*) AS n FROM appointments WHERE status = 'booked'"));
  return expect_ok(rs[0].get<int64_t>("n"));
}

booking_node::booking_node(const config::storage_settings& storage, std::chrono::seconds idle)
    : registry_(std::make_shared<runtime::tree_registry>()),
      clock_(std::make_shared<runtime::manual_clock>(scenario_now())) {
  cfg_.add_error_category(error_category(), render_error);
  cfg_.set("scheduler.max-threads", 4);
  sys_ = std::make_unique<caf::actor_system>(cfg_);
  actors::tenant::directory_config dir;
  dir.tenant.registry = registry_;
  dir.tenant.clock = clock_;
  dir.idle = idle;
  dir.tick_interval = std::chrono::hours{1};  // tests tick explicitly
  root_ = runtime::spawn_supervisor(*sys_, actors::tenant::tenancy_root_spec(storage, dir));
  REQUIRE(directory());
}

booking_node::~booking_node() {
  stop();
}

bool booking_node::stop() {
  if (!root_) return true;
  bool down = stop_and_wait(*sys_, root_, caf::exit_reason::user_shutdown);
  root_ = nullptr;
  return down;
}

Result<actors::tenant::tenant_handle> booking_node::tenant(const std::string& slug) {
  return runtime::ask<actors::tenant::tenant_handle>(*sys_, directory(), 30s,
                                                     actors::tenant::tenant_atom::value, slug);
}

caf::actor booking_node::booking(const std::string& slug) {
  auto h = expect_ok(tenant(slug));
  REQUIRE(h.booking);
  return h.booking;
}

std::vector<std::string> booking_node::idle_tick() {
  return expect_ok(runtime::ask<std::vector<std::string>>(*sys_, directory(), 30s,
                                                          actors::tenant::idle_tick_atom::value));
}

actors::calendar::book_request cut_at(time_point start, std::optional<std::string> staff) {
  actors::calendar::book_request r;
  r.branch = "mitte";
  r.service = "cut";
  r.staff = std::move(staff);
  r.start = start;
  return r;
}

Result<actors::calendar::book_reply> book(booking_node& n,
                                          const actors::calendar::book_request& r) {
  return runtime::ask<actors::calendar::book_reply>(n.sys(), n.booking(), 30s,
                                                    actors::calendar::book_atom::value, r);
}

bool eventually(const std::function<bool()>& pred, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (pred()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return pred();
}

}  // namespace askpro::test
