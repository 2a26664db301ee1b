// `askpro billing check`: proves every tenant's balance is the sum of its ledger.
#include "persistence/repo/ledger_repo.hpp"
#include "runtime/app/commands.hpp"
#include "runtime/app/db_open.hpp"

#include <iostream>

namespace askpro::app {

int cmd_billing_check(const config::settings& settings) {
  auto conn = open_migrated(settings);
  if (!conn) return 1;
  auto drift = persistence::check_ledger(*conn);
  if (!drift) {
    std::cerr << "askpro: cannot check the ledger: " << describe(drift.error()) << "\n";
    return 1;
  }
  for (const auto& d : *drift)
    std::cout << "drift: tenant " << d.slug << " balance " << d.balance_cents << " cents, ledger "
              << d.ledger_cents << " cents\n";
  if (!drift->empty()) return 1;
  std::cout << "ledger ok: every balance is the sum of its entries\n";
  return 0;
}

}  // namespace askpro::app
