#include "config/loader.hpp"
#include "runtime/app/commands.hpp"
#include "runtime/log.hpp"

#include <iostream>

namespace askpro::app {

std::optional<config::settings> load_settings(const options& opts) {
  auto loaded = config::load(opts.config_file, config::process_environment());
  if (!loaded) {
    std::cerr << "askpro: invalid configuration: " << detail_of(loaded.error()) << "\n";
    return std::nullopt;
  }
  // Every command logs to stderr as configured, so stdout carries only its result (a slug, a
  // token) for scripts.
  runtime::setup_logging(loaded->log.level, loaded->log.format == "text"
                                                ? runtime::log_format::text
                                                : runtime::log_format::json);
  return std::move(*loaded);
}

}  // namespace askpro::app
