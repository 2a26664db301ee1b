#pragma once
/// The subcommands of the `askpro` binary. Each returns the process exit code.

#include "config/settings.hpp"

#include <optional>
#include <string>
#include <vector>

namespace askpro::app {

struct options {
  std::optional<std::string> config_file;
};

/// Loads and validates the configuration; on failure prints one line to stderr and returns
/// nullopt (the caller exits 2). On success installs the logger the settings configure
/// (stderr), so a command's stdout carries only its result.
std::optional<config::settings> load_settings(const options& opts);

int cmd_serve(const config::settings& settings);
int cmd_migrate(const config::settings& settings);

/// `askpro billing check`: each tenant whose balance differs from the sum of its ledger on a
/// line of stdout and exit 1; "ledger ok" and exit 0 when there is none. Safe while a server runs.
int cmd_billing_check(const config::settings& settings);

/// `askpro audit verify [--tenant SLUG]`: "audit ok" with the number of events and exit 0 when
/// every chain is intact; otherwise a line per broken tenant naming its first broken event and
/// exit 1. Safe while a server runs.
int cmd_audit_verify(const config::settings& settings, const std::optional<std::string>& tenant);

/// `askpro keys rotate`: seals every personal field not sealed with the current data key (the
/// first of `security.encryption_keys`) again, in batches; prints the counts, exit 0. Resumable
/// and idempotent; safe while a server runs. Exit 1 when a value's key is missing.
int cmd_keys_rotate(const config::settings& settings);

/// `askpro keys generate [--id ID]`: a `[security]` block with fresh keys on stdout.
int cmd_keys_generate(const std::string& id);

/// `askpro tenant apply FILE`: prints every problem of the file (exit 1, nothing written) or
/// migrates, applies and prints the tenant slug as the last line of stdout (exit 0).
int cmd_tenant_apply(const config::settings& settings, const std::string& file);

struct token_create_options {
  std::string tenant;
  std::string name;
  std::string scope = "admin";        ///< "admin" | "read" (checked by the parser)
  std::vector<std::string> branches;  ///< branch slugs; empty = every branch
};

/// `askpro token create`: prints the new token alone on the last line of stdout (exit 0);
/// unknown tenant or branch: a line on stderr, exit 1.
int cmd_token_create(const config::settings& settings, const token_create_options& opts);

struct token_admin_options {
  std::string tenant;
  std::string name;  ///< revoke
};

/// `askpro token list`: one line per token of the tenant (name, scope, branches, created, last
/// used, revoked; never the token or its hash), exit 0; unknown tenant: exit 1.
int cmd_token_list(const config::settings& settings, const token_admin_options& opts);

/// `askpro token revoke`: revokes the tenant's tokens named `name` (refused at once on every
/// node), exit 0; no such unrevoked token or unknown tenant: a line on stderr, exit 1.
int cmd_token_revoke(const config::settings& settings, const token_admin_options& opts);

struct ops_options {
  std::string verb;  ///< tree, inspect, restart, stop, "breaker reset", "breaker open", jobs, retry
  std::string arg;   ///< the actor path or the job id
  std::string status;                  ///< jobs --status
  std::optional<std::string> connect;  ///< default http://<ops.listen>
  std::optional<std::string> token;    ///< default ops.token (env ASKPRO_OPS_TOKEN)
  bool json = false;
};

/// `askpro ops …` against a running server: exit 0 on success, 1 when the server answers an
/// error (404 path, 401 token, 409) or cannot be reached (one line on stderr).
int cmd_ops(const config::settings& settings, const ops_options& opts);

struct shell_options {
  std::string script;                  ///< SCRIPT.lua ("" none)
  std::optional<std::string> code;     ///< -e CODE
  std::optional<std::string> connect;  ///< run on a server through POST /ops/eval
  std::optional<std::string> token;    ///< default ops.token (env ASKPRO_OPS_TOKEN)
};

/// `askpro shell`: runs a chunk (-e, a script, or stdin when it is not a terminal) or the
/// interactive prompt, in-process (a runtime booted from the config, no listeners) or on a server
/// (`--connect`). Exit 0 when the chunk ran, 1 on a Lua error (message on stderr) or when the
/// server refuses or cannot be reached, 2 on usage errors.
int cmd_shell(const config::settings& settings, const shell_options& opts);

}  // namespace askpro::app
