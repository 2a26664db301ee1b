#include "persistence/migrate.hpp"
#include "runtime/app/commands.hpp"

#include <iostream>

namespace askpro::app {

int cmd_migrate(const config::settings& settings) {
  auto applied = persistence::migrate(settings.storage);
  if (!applied) {
    std::cerr << "askpro: migration failed: " << describe(applied.error()) << "\n";
    return 1;
  }
  std::cout << "askpro: " << *applied << " migration(s) applied (" << settings.storage.driver
            << ")\n";
  return 0;
}

}  // namespace askpro::app
