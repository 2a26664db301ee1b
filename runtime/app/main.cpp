/// `askpro` — the AskPro runtime's single binary. Subcommands (contract.md): serve, migrate,
/// billing check, audit verify, tenant apply, token create|list|revoke, ops, shell.
/// Exit codes: 0 success, 1 runtime failure, 2 invalid configuration or usage.

#include "runtime/app/commands.hpp"
#include "runtime/app/ops_cli.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace {

/// Adds the `--config FILE` option every subcommand takes.
void add_config_option(CLI::App& cmd, askpro::app::options& opts) {
  cmd.add_option("--config", opts.config_file, "TOML configuration file (env ASKPRO_* overrides)");
}

/// `tenant apply FILE` and `token create|list|revoke …` with what they parse into.
struct provisioning_commands {
  CLI::App* tenant_apply = nullptr;
  std::string file;
  CLI::App* token_create = nullptr;
  askpro::app::token_create_options token;
  CLI::App* token_list = nullptr;
  CLI::App* token_revoke = nullptr;
  askpro::app::token_admin_options admin;
};

void add_provisioning_commands(CLI::App& app, provisioning_commands& out) {
  auto* tenant = app.add_subcommand("tenant", "tenant provisioning");
  tenant->require_subcommand(1);
  out.tenant_apply = tenant->add_subcommand("apply", "create or update the tenant in FILE");
  out.tenant_apply->add_option("FILE", out.file, "tenant file (JSON)")->required();
  auto* token = app.add_subcommand("token", "tenant API tokens");
  token->require_subcommand(1);
  auto* create = token->add_subcommand("create", "create a token, print it on the last line");
  create->add_option("--tenant", out.token.tenant, "tenant slug")->required();
  create->add_option("--name", out.token.name, "what the token is for")->required();
  create->add_option("--scope", out.token.scope, "admin (default) or read")
      ->check(CLI::IsMember({"admin", "read"}));
  create->add_option("--branch", out.token.branches, "limit to a branch (repeatable)");
  out.token_create = create;
  out.token_list =
      token->add_subcommand("list", "the tenant's tokens (never the tokens themselves)");
  out.token_list->add_option("--tenant", out.admin.tenant, "tenant slug")->required();
  out.token_revoke = token->add_subcommand("revoke", "revoke the tenant's tokens of that name");
  out.token_revoke->add_option("--tenant", out.admin.tenant, "tenant slug")->required();
  out.token_revoke->add_option("--name", out.admin.name, "the token's name")->required();
}

struct keys_commands {
  CLI::App* rotate = nullptr;
  CLI::App* generate = nullptr;
  std::string id = "k1";
};

bool valid_key_id(const std::string& s) {
  return !s.empty() && s.size() <= 32 &&
         s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") ==
             std::string::npos;
}

void add_keys_commands(CLI::App& app, keys_commands& out) {
  auto* keys = app.add_subcommand("keys", "the keys of the personal data at rest");
  keys->require_subcommand(1);
  out.rotate = keys->add_subcommand("rotate", "seal every personal field with the current key");
  out.generate = keys->add_subcommand("generate", "print fresh keys to configure");
  out.generate->add_option("--id", out.id, "the new field key's id")
      ->check(CLI::Validator(
          [](std::string& s) {
            return valid_key_id(s) ? std::string{} : "a key id is 1-32 of A-Z a-z 0-9 _ -";
          },
          "ID"));
}

}  // namespace

int main(int argc, char** argv) {
  askpro::app::options opts;
  CLI::App app{"AskPro runtime: AI phone receptionist backend", "askpro"};
  app.require_subcommand(1);
  auto* serve = app.add_subcommand("serve", "run the server until SIGINT/SIGTERM");
  auto* migrate = app.add_subcommand("migrate", "apply pending database migrations and exit");
  auto* billing = app.add_subcommand("billing", "the tenants' prepaid balances");
  billing->require_subcommand(1);
  auto* billing_check =
      billing->add_subcommand("check", "prove every balance is the sum of its ledger entries");
  auto* audit = app.add_subcommand("audit", "the tamper-evident audit trail");
  audit->require_subcommand(1);
  auto* audit_verify = audit->add_subcommand("verify", "recompute every tenant's hash chain");
  std::optional<std::string> audit_tenant;
  audit_verify->add_option("--tenant", audit_tenant, "only this tenant");
  keys_commands keys;
  add_keys_commands(app, keys);
  provisioning_commands prov;
  add_provisioning_commands(app, prov);
  askpro::app::ops_options ops;
  auto ops_cli = askpro::app::add_ops_commands(app, ops);
  askpro::app::shell_options shell_opts;
  auto* shell = askpro::app::add_shell_command(app, shell_opts);
  for (auto* cmd : {serve, migrate, billing_check, audit_verify, keys.rotate, prov.tenant_apply,
                    prov.token_create, prov.token_list, prov.token_revoke, ops_cli.ops, shell})
    add_config_option(*cmd, opts);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  if (keys.generate->parsed()) return askpro::app::cmd_keys_generate(keys.id);
  auto settings = askpro::app::load_settings(opts);
  if (!settings) return 2;
  if (serve->parsed()) return askpro::app::cmd_serve(*settings);
  if (migrate->parsed()) return askpro::app::cmd_migrate(*settings);
  if (billing_check->parsed()) return askpro::app::cmd_billing_check(*settings);
  if (audit_verify->parsed()) return askpro::app::cmd_audit_verify(*settings, audit_tenant);
  if (keys.rotate->parsed()) return askpro::app::cmd_keys_rotate(*settings);
  if (prov.tenant_apply->parsed()) return askpro::app::cmd_tenant_apply(*settings, prov.file);
  if (prov.token_create->parsed()) return askpro::app::cmd_token_create(*settings, prov.token);
  if (prov.token_list->parsed()) return askpro::app::cmd_token_list(*settings, prov.admin);
  if (prov.token_revoke->parsed()) return askpro::app::cmd_token_revoke(*settings, prov.admin);
  if (ops_cli.parsed(ops)) return askpro::app::cmd_ops(*settings, ops);
  if (shell->parsed()) return askpro::app::cmd_shell(*settings, shell_opts);
  return 2;
}
