// `askpro billing check`: the real binary on a temporary SQLite database finds a balance that is
// not the sum of its ledger.
#include "tests/integration/cli/cli_runner.hpp"

#include <catch2/catch.hpp>

using askpro::test::cli_site;
using askpro::test::demo_tenant_text;

TEST_CASE("billing check proves balances equal their ledgers and names a drift", "[cli][billing]") {
  cli_site site;
  auto applied = site.run({"tenant", "apply", site.write_file("demo.json", demo_tenant_text())});
  REQUIRE(applied.exit_code == 0);
  auto ok = site.run({"billing", "check"});
  INFO("stderr: " << ok.err);
  CHECK(ok.exit_code == 0);
  CHECK(ok.last_line().find("ledger ok") != std::string::npos);
  auto conn = site.connect();
  REQUIRE(conn->execute(
      "INSERT INTO ledger_entries (company_id, kind, amount_cents, balance_after_cents, "
      "reference, created_at) SELECT id, 'topup', 5000, 5000, 'checkout:cs_cli', 1 FROM "
      "companies"));
  REQUIRE(conn->execute("UPDATE companies SET balance_cents = 5000"));
  CHECK(site.run({"billing", "check"}).exit_code == 0);
  REQUIRE(conn->execute("UPDATE companies SET balance_cents = 5001"));  // behind the ledger's back
  auto drift = site.run({"billing", "check"});
  CHECK(drift.exit_code == 1);
  CHECK(drift.out.find("salon-lindenblatt balance 5001 cents, ledger 5000 cents") !=
        std::string::npos);
  CHECK(site.run({"billing"}).exit_code == 2);  // a subcommand is required
}
