// A small runtime for the kill -9 test (booking_kill_tests.cpp): opens the given database, books
// one appointment through the tenant's booking actor, prints "booked <id>" once the actor
// acknowledged it, and then waits to be killed.
//   booking_kill_node sqlite <path>
//   booking_kill_node mysql <host> <port> <user> <password> <database>
// The tenant "salon" must have been applied (booking_fixture.hpp); the clock is fixed at the
// fixture's "now" so the booked slot is the same on every run. Exit code 2 on a failed booking.
#include "actors/calendar/protocol.hpp"
#include "actors/tenant/tenancy_root.hpp"
#include "actors/tenant/tenant_directory.hpp"
#include "actors/tenant/tenant_supervisor.hpp"
#include "persistence/db_actor.hpp"
#include "runtime/bridge.hpp"
#include "runtime/supervisor.hpp"

#include <date/tz.h>
#include <caf/all.hpp>

#include <unistd.h>

#include <cstdio>
#include <string>

using namespace askpro;
using namespace std::chrono_literals;

namespace {

bool parse_storage(int argc, char** argv, config::storage_settings& s) {
  if (argc == 3 && std::string{argv[1]} == "sqlite") {
    s.driver = "sqlite";
    s.sqlite_path = argv[2];
    return true;
  }
  if (argc == 7 && std::string{argv[1]} == "mysql") {
    s.driver = "mysql";
    s.mysql_host = argv[2];
    s.mysql_port = static_cast<uint16_t>(std::stoi(argv[3]));
    s.mysql_user = argv[4];
    s.mysql_password = argv[5];
    s.mysql_database = argv[6];
    s.mysql_pool = 2;
    return true;
  }
  return false;
}

runtime::supervisor_spec root(const config::storage_settings& storage,
                              const runtime::registry_ptr& reg, const runtime::clock_ptr& clk) {
  actors::tenant::directory_config dir;
  dir.tenant.registry = reg;
  dir.tenant.clock = clk;
  return actors::tenant::tenancy_root_spec(storage, dir);
}

}  // namespace

int main(int argc, char** argv) {
  config::storage_settings storage;
  if (!parse_storage(argc, argv, storage)) {
    std::fprintf(stderr, "usage: booking_kill_node sqlite PATH | mysql HOST PORT USER PASS DB\n");
    return 2;
  }
  caf::actor_system_config cfg;
  cfg.add_error_category(error_category(), render_error);
  caf::actor_system sys{cfg};
  auto reg = std::make_shared<runtime::tree_registry>();
  auto now = date::sys_days{date::year{2026} / 12 / 1} + std::chrono::hours{8};
  auto clk = std::make_shared<runtime::manual_clock>(now);
  auto root_sup = runtime::spawn_supervisor(sys, root(storage, reg, clk));
  auto tenant = runtime::ask<actors::tenant::tenant_handle>(sys, reg->actor_at("/directory"), 30s,
                                                            actors::tenant::tenant_atom::value,
                                                            std::string{"salon"});
  if (!tenant) {
    std::fprintf(stderr, "tenant: %s\n", describe(tenant.error()).c_str());
    return 2;
  }
  actors::calendar::book_request req;
  req.branch = "mitte";
  req.service = "cut";
  req.staff = "anna";
  req.start = now + std::chrono::hours{25};  // Wednesday 10:00 in Berlin
  auto reply = runtime::ask<actors::calendar::book_reply>(sys, tenant->booking, 30s,
                                                          actors::calendar::book_atom::value, req);
  if (!reply || !reply->booked) {
    std::fprintf(stderr, "booking failed\n");
    return 2;
  }
  std::printf("booked %lld\n", static_cast<long long>(reply->appointment->record.id));
  std::fflush(stdout);
  for (;;) ::pause();  // until SIGKILL
}
