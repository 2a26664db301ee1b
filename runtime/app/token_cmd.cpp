// `askpro token create`: a new API token for a tenant; only its SHA-256 is stored, the token
// itself is printed once, alone on the last line of stdout.
#include "actors/tenant/api_token.hpp"
#include "persistence/database.hpp"
#include "persistence/repo/catalog_repo.hpp"
#include "persistence/repo/token_repo.hpp"
#include "runtime/app/commands.hpp"
#include "runtime/clock.hpp"

#include <iostream>

namespace askpro::app {
namespace {

Result<std::string> create(persistence::connection& conn, const token_create_options& opts) {
  auto company = persistence::find_company(conn, opts.tenant);
  if (!company) return std::move(company.error());
  if (!*company) return make_error(errc::not_found, "no tenant '" + opts.tenant + "'");
  auto token = actors::tenant::make_token();
  if (!token) return token;
  auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
      runtime::system_clock{}.now().time_since_epoch());
  auto stored = persistence::insert_token(conn, persistence::tenant_scope{(*company)->id},
                                          opts.name, actors::tenant::token_hash(*token), opts.scope,
                                          opts.branches, now.count());
  if (!stored) return std::move(stored.error());
  return token;
}

}  // namespace

int cmd_token_create(const config::settings& settings, const token_create_options& opts) {
  auto conn = persistence::open(settings.storage);
  if (!conn) {
    std::cerr << "askpro: cannot open the database: " << describe(conn.error()) << "\n";
    return 1;
  }
  auto token = create(**conn, opts);
  if (!token) {
    std::cerr << "askpro: token create failed: " << describe(token.error()) << "\n";
    return 1;
  }
  std::cerr << "askpro: " << opts.scope << " token '" << opts.name << "' created for tenant "
            << opts.tenant << " (shown once, store it now)\n";
  std::cout << *token << std::endl;
  return 0;
}

}  // namespace askpro::app
