#include "config/loader.hpp"
#include "runtime/app/commands.hpp"

#include <iostream>

namespace askpro::app {

std::optional<config::settings> load_settings(const options& opts) {
  auto loaded = config::load(opts.config_file, config::process_environment());
  if (!loaded) {
    std::cerr << "askpro: invalid configuration: " << detail_of(loaded.error()) << "\n";
    return std::nullopt;
  }
  return std::move(*loaded);
}

}  // namespace askpro::app
