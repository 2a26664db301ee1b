// The `askpro ops` command line (contract.md "Commands"): its subcommands and options.
#include "runtime/app/ops_cli.hpp"

namespace askpro::app {
namespace {

CLI::App* with_path(CLI::App& parent, const char* name, const char* what, std::string& into) {
  auto* cmd = parent.add_subcommand(name, what);
  cmd->add_option("PATH", into, "the actor's path in the tree, e.g. /tenants/acme/booking")
      ->required();
  return cmd;
}

}  // namespace

ops_cli add_ops_commands(CLI::App& app, ops_options& out) {
  ops_cli cli;
  cli.ops = app.add_subcommand("ops", "inspect and act on a running server (ops listener)");
  cli.ops->require_subcommand(1);
  cli.ops->add_option("--connect", out.connect, "ops listener URL (default http://<ops.listen>)");
  cli.ops->add_option("--token", out.token, "ops token (default ops.token, env ASKPRO_OPS_TOKEN)");
  cli.ops->add_flag("--json", out.json, "print the ops API's JSON");
  cli.verbs.emplace_back(cli.ops->add_subcommand("tree", "the live actor tree"), "tree");
  cli.verbs.emplace_back(with_path(*cli.ops, "inspect", "one actor's details", out.arg), "inspect");
  cli.verbs.emplace_back(with_path(*cli.ops, "restart", "restart an actor", out.arg), "restart");
  cli.verbs.emplace_back(with_path(*cli.ops, "stop", "stop an actor for good", out.arg), "stop");
  auto* breaker = cli.ops->add_subcommand("breaker", "force a circuit breaker closed or open");
  breaker->require_subcommand(1);
  breaker->fallthrough();
  cli.verbs.emplace_back(with_path(*breaker, "reset", "close the breaker", out.arg),
                         "breaker reset");
  cli.verbs.emplace_back(with_path(*breaker, "open", "open the breaker", out.arg), "breaker open");
  auto* jobs = cli.ops->add_subcommand("jobs", "the job queue");
  jobs->add_option("--status", out.status, "queued, running, done or dead")
      ->check(CLI::IsMember({"queued", "running", "done", "dead"}));
  cli.verbs.emplace_back(jobs, "jobs");
  auto* retry = cli.ops->add_subcommand("retry", "run a dead job again");
  retry->add_option("JOB_ID", out.arg, "the job's id")->required();
  cli.verbs.emplace_back(retry, "retry");
  for (auto& [cmd, verb] : cli.verbs) cmd->fallthrough();
  return cli;
}

CLI::App* add_shell_command(CLI::App& app, shell_options& out) {
  auto* shell = app.add_subcommand("shell", "Lua 5.4 with the rt module, in-process or attached");
  auto* script =
      shell->add_option("SCRIPT", out.script, "a Lua file to run")->check(CLI::ExistingFile);
  shell->add_option("-e", out.code, "a chunk to run")->excludes(script);
  shell->add_option("--connect", out.connect, "run on a server: its ops listener URL");
  shell->add_option("--token", out.token, "ops token (default ops.token, env ASKPRO_OPS_TOKEN)");
  return shell;
}

bool ops_cli::parsed(ops_options& out) const {
  for (const auto& [cmd, verb] : verbs)
    if (cmd->parsed()) {
      out.verb = verb;
      return true;
    }
  return false;
}

}  // namespace askpro::app
