#include "runtime/app/db_open.hpp"

#include "persistence/database.hpp"
#include "persistence/migrate.hpp"

#include <iostream>

namespace askpro::app {

std::unique_ptr<persistence::connection> open_migrated(const config::settings& settings) {
  auto conn = persistence::open(settings.storage);
  if (!conn) {
    std::cerr << "askpro: cannot open the database: " << describe(conn.error()) << "\n";
    return nullptr;
  }
  if (auto migrated = persistence::migrate(**conn); !migrated) {
    std::cerr << "askpro: cannot migrate: " << describe(migrated.error()) << "\n";
    return nullptr;
  }
  return std::move(*conn);
}

}  // namespace askpro::app
