/// `askpro` — the AskPro runtime's single binary. Subcommands (contract.md): serve, migrate.
/// Exit codes: 0 success, 1 runtime failure, 2 invalid configuration or usage.

#include "runtime/app/commands.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace {

/// Adds the `--config FILE` option every subcommand takes.
void add_config_option(CLI::App& cmd, askpro::app::options& opts) {
  cmd.add_option("--config", opts.config_file, "TOML configuration file (env ASKPRO_* overrides)");
}

}  // namespace

int main(int argc, char** argv) {
  askpro::app::options opts;
  CLI::App app{"AskPro runtime: AI phone receptionist backend", "askpro"};
  app.require_subcommand(1);
  auto* serve = app.add_subcommand("serve", "run the server until SIGINT/SIGTERM");
  auto* migrate = app.add_subcommand("migrate", "apply pending database migrations and exit");
  for (auto* cmd : {serve, migrate}) add_config_option(*cmd, opts);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  auto settings = askpro::app::load_settings(opts);
  if (!settings) return 2;
  if (serve->parsed()) return askpro::app::cmd_serve(*settings);
  if (migrate->parsed()) return askpro::app::cmd_migrate(*settings);
  return 2;
}
