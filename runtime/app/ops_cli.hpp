#pragma once
/// Wires `askpro ops tree|inspect|restart|stop|breaker reset|breaker open|jobs|retry` with
/// `--connect`, `--token` and `--json` into the binary's CLI11 parser.
/// Thread-safety: parsing runs once on the main thread.

#include "runtime/app/commands.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <utility>
#include <vector>

namespace askpro::app {

struct ops_cli {
  CLI::App* ops = nullptr;
  std::vector<std::pair<CLI::App*, std::string>> verbs;  ///< leaf command → ops_options::verb

  /// Whether an ops command was given; sets `out.verb`.
  bool parsed(ops_options& out) const;
};

ops_cli add_ops_commands(CLI::App& app, ops_options& out);

/// `askpro shell [SCRIPT.lua] [-e CODE] [--connect URL --token T]`.
CLI::App* add_shell_command(CLI::App& app, shell_options& out);

}  // namespace askpro::app
