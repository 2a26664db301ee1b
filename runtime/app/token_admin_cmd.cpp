// `askpro token list` and `askpro token revoke`: the tenant's tokens by name, never the tokens.
#include "persistence/database.hpp"
#include "persistence/repo/catalog_repo.hpp"
#include "persistence/repo/token_repo.hpp"
#include "runtime/app/commands.hpp"
#include "runtime/clock.hpp"
#include "runtime/inspect.hpp"

#include <iostream>

namespace askpro::app {
namespace {

/// The database and the tenant's scope; prints the reason and yields nullopt when either fails.
std::optional<std::pair<std::unique_ptr<persistence::connection>, persistence::tenant_scope>>
open_tenant(const config::settings& settings, const std::string& tenant) {
  auto conn = persistence::open(settings.storage);
  if (!conn) {
    std::cerr << "askpro: cannot open the database: " << describe(conn.error()) << "\n";
    return std::nullopt;
  }
  auto company = persistence::find_company(**conn, tenant);
  if (!company || !*company) {
    std::cerr << "askpro: no tenant '" << tenant << "'"
              << (company ? "" : ": " + describe(company.error())) << "\n";
    return std::nullopt;
  }
  return std::pair{std::move(*conn), persistence::tenant_scope{(*company)->id}};
}

std::string when(std::optional<int64_t> ms) {
  return ms ? runtime::format_utc(runtime::clock::time_point{std::chrono::milliseconds{*ms}}) : "-";
}

std::string branches_of(const persistence::token_record& t) {
  if (t.branch_slugs.empty()) return "all";
  std::string out;
  for (const auto& b : t.branch_slugs) out += (out.empty() ? "" : ",") + b;
  return out;
}

}  // namespace

int cmd_token_list(const config::settings& settings, const token_admin_options& opts) {
  auto db = open_tenant(settings, opts.tenant);
  if (!db) return 1;
  auto tokens = persistence::list_tokens(*db->first, db->second);
  if (!tokens) {
    std::cerr << "askpro: token list failed: " << describe(tokens.error()) << "\n";
    return 1;
  }
  std::cout << "name\tscope\tbranches\tcreated\tlast_used\trevoked\n";
  for (const auto& t : *tokens)
    std::cout << t.name << "\t" << t.scope_name << "\t" << branches_of(t) << "\t"
              << when(t.created_at) << "\t" << when(t.last_used_at) << "\t" << when(t.revoked_at)
              << "\n";
  return 0;
}

int cmd_token_revoke(const config::settings& settings, const token_admin_options& opts) {
  auto db = open_tenant(settings, opts.tenant);
  if (!db) return 1;
  auto now = runtime::to_unix_ms(runtime::system_clock{}.now());
  auto revoked = persistence::revoke_tokens(*db->first, db->second, opts.name, now);
  if (!revoked) {
    std::cerr << "askpro: token revoke failed: " << describe(revoked.error()) << "\n";
    return 1;
  }
  if (*revoked == 0) {
    std::cerr << "askpro: tenant " << opts.tenant << " has no unrevoked token '" << opts.name
              << "'\n";
    return 1;
  }
  std::cerr << "askpro: revoked " << *revoked << " token(s) '" << opts.name << "' of tenant "
            << opts.tenant << "\n";
  return 0;
}

}  // namespace askpro::app
