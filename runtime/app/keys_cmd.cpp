// `askpro keys rotate` (every sealed field to the current key) and `askpro keys generate`
// (fresh keys to configure, e.g. for nodes sharing one MariaDB).
#include "persistence/crypto/key_check.hpp"
#include "persistence/crypto/keyring.hpp"
#include "persistence/crypto/reseal.hpp"
#include "runtime/app/commands.hpp"
#include "runtime/app/data_keys.hpp"
#include "runtime/app/db_open.hpp"

#include <iostream>

namespace askpro::app {

int cmd_keys_rotate(const config::settings& settings) {
  auto keyed = with_data_keys(settings, false);
  if (!keyed) {
    std::cerr << "askpro: data keys: " << describe(keyed.error()) << "\n";
    return code_of(keyed.error()) == errc::config ? 2 : 1;
  }
  auto conn = open_migrated(*keyed);
  if (!conn) return 1;
  if (auto same = persistence::check_data_keys(*conn); !same) {
    std::cerr << "askpro: data keys: " << describe(same.error()) << "\n";
    return 1;
  }
  auto done = persistence::reseal(*conn);
  if (!done) {
    std::cerr << "askpro: keys rotate stopped (run it again to continue): "
              << describe(done.error()) << "\n";
    return 1;
  }
  std::cout << "keys rotate: " << done->values << " value(s) in " << done->rows
            << " row(s) sealed with key '" << keyed->storage.data_keys->current().id
            << "'; every sealed field uses it now\n";
  return 0;
}

int cmd_keys_generate(const std::string& id) {
  auto text = fresh_keys_toml(id);
  if (!text) {
    std::cerr << "askpro: " << describe(text.error()) << "\n";
    return 2;
  }
  std::cout << *text;
  return 0;
}

}  // namespace askpro::app
