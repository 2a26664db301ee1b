// `askpro token create|list|revoke`: the real binary on a temporary SQLite database.
#include "actors/tenant/api_token.hpp"
#include "tests/integration/cli/cli_runner.hpp"

#include <httplib.h>
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

namespace {

int services_status(askpro::test::serve_process& serve, const std::string& token) {
  httplib::Client api{serve.api_url()};
  auto res = api.Get("/api/v2/services", {{"Authorization", "Bearer " + token}});
  REQUIRE(res);
  return res->status;
}

}  // namespace

TEST_CASE("token list shows names, never tokens; a revoked token is refused at once on every node",
          "[cli][token]") {
  cli_site site;
  apply_demo(site);
  auto front = site.run({"token", "create", "--tenant", "salon-lindenblatt", "--name", "frontdesk",
                         "--scope", "read", "--branch", "mitte"})
                   .last_line();
  auto crm =
      site.run({"token", "create", "--tenant", "salon-lindenblatt", "--name", "crm"}).last_line();
  // Two servers on the one database file: the second reads it through its own configuration.
  cli_site other;
  askpro::test::serve_process a{site};
  askpro::test::serve_process b{
      other,
      {"ops-cli-secret",
       "[storage]\ndriver = \"sqlite\"\nsqlite_path = \"" + site.dir() + "/askpro.db\"\n", ""}};
  CHECK(services_status(a, front) == 200);
  CHECK(services_status(b, front) == 200);

  auto list = site.run({"token", "list", "--tenant", "salon-lindenblatt"});
  REQUIRE(list.exit_code == 0);
  CHECK(list.out.find("frontdesk\tread\tmitte\t") != std::string::npos);
  CHECK(list.out.find("crm\tadmin\tall\t") != std::string::npos);
  CHECK(list.out.find("apk_") == std::string::npos);
  CHECK(list.out.find(askpro::actors::tenant::token_hash(front)) == std::string::npos);

  auto revoked =
      site.run({"token", "revoke", "--tenant", "salon-lindenblatt", "--name", "frontdesk"});
  INFO("stderr: " << revoked.err);
  CHECK(revoked.exit_code == 0);
  CHECK(services_status(a, front) == 401);
  CHECK(services_status(b, front) == 401);
  CHECK(services_status(a, crm) == 200);  // only the named token
  auto after = site.run({"token", "list", "--tenant", "salon-lindenblatt"});
  auto line = after.out.substr(after.out.find("frontdesk"));
  CHECK(line.substr(0, line.find('\n')).back() == 'Z');  // its revocation time
  CHECK(site.run({"token", "revoke", "--tenant", "salon-lindenblatt", "--name", "frontdesk"})
            .exit_code == 1);  // nothing left to revoke
  CHECK(site.run({"token", "revoke", "--tenant", "no-such", "--name", "crm"}).exit_code == 1);
  CHECK(site.run({"token", "list", "--tenant", "no-such"}).exit_code == 1);
}
