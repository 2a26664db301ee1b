#pragma once
/// The subcommands of the `askpro` binary. Each returns the process exit code.

#include "config/settings.hpp"

#include <optional>
#include <string>

namespace askpro::app {

struct options {
  std::optional<std::string> config_file;
};

/// Loads and validates the configuration; on failure prints one line to stderr and returns
/// nullopt (the caller exits 2).
std::optional<config::settings> load_settings(const options& opts);

int cmd_serve(const config::settings& settings);
int cmd_migrate(const config::settings& settings);

}  // namespace askpro::app
