// `askpro token create`: the real binary on a temporary SQLite database.
#include "actors/tenant/api_token.hpp"
#include "tests/integration/cli/cli_runner.hpp"

#include <catch2/catch.hpp>

#include <regex>

using askpro::test::cli_site;
using askpro::test::demo_tenant_text;

namespace {

void apply_demo(const cli_site& site) {
  auto r = site.run({"tenant", "apply", site.write_file("demo.json", demo_tenant_text())});
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
}

}  // namespace

TEST_CASE("token create prints a token and stores only its SHA-256", "[cli][token]") {
  cli_site site;
  apply_demo(site);
  auto r = site.run({"token", "create", "--tenant", "salon-lindenblatt", "--name", "ci"});
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  const auto token = r.last_line();
  CHECK(std::regex_match(token, std::regex{"apk_[A-Za-z0-9_-]{43}"}));
  CHECK(r.err.find(token) == std::string::npos);
  auto rows = site.connect()->query("SELECT name, token_hash, scope FROM api_tokens");
  REQUIRE(rows);
  REQUIRE(rows->size() == 1);
  CHECK(*(*rows)[0].get<std::string>("name") == "ci");
  CHECK(*(*rows)[0].get<std::string>("scope") == "admin");
  CHECK(*(*rows)[0].get<std::string>("token_hash") == askpro::actors::tenant::token_hash(token));
  CHECK(site.count("api_token_branches") == 0);
  auto again = site.run({"token", "create", "--tenant", "salon-lindenblatt", "--name", "ci"});
  REQUIRE(again.exit_code == 0);
  CHECK(again.last_line() != token);
}

TEST_CASE("token create with scope read and branch limits", "[cli][token]") {
  cli_site site;
  apply_demo(site);
  auto r = site.run({"token", "create", "--tenant", "salon-lindenblatt", "--name", "desk",
                     "--scope", "read", "--branch", "mitte", "--branch", "prenzlauer-berg"});
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  auto rows = site.connect()->query("SELECT scope FROM api_tokens");
  REQUIRE(rows);
  CHECK(*(*rows)[0].get<std::string>("scope") == "read");
  CHECK(site.count("api_token_branches") == 2);
}

TEST_CASE("token create refuses an unknown tenant or branch and a bad scope", "[cli][token]") {
  cli_site site;
  apply_demo(site);
  auto tenant = site.run({"token", "create", "--tenant", "nobody", "--name", "x"});
  CHECK(tenant.exit_code == 1);
  CHECK(tenant.err.find("nobody") != std::string::npos);
  CHECK(tenant.out.empty());
  auto branch = site.run(
      {"token", "create", "--tenant", "salon-lindenblatt", "--name", "x", "--branch", "sued"});
  CHECK(branch.exit_code == 1);
  CHECK(branch.err.find("sued") != std::string::npos);
  auto scope = site.run(
      {"token", "create", "--tenant", "salon-lindenblatt", "--name", "x", "--scope", "bogus"});
  CHECK(scope.exit_code == 2);
  CHECK(site.run({"token", "create", "--name", "x"}).exit_code == 2);
  CHECK(site.count("api_tokens") == 0);
}
