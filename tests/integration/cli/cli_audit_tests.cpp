// `askpro audit verify`: the real binary on a temporary SQLite database proves the chains that
// tenant apply and token commands wrote, and names the tenant and event of a tampered row.
#include "tests/integration/cli/cli_runner.hpp"

#include <catch2/catch.hpp>

using askpro::test::cli_site;
using askpro::test::demo_tenant_text;

TEST_CASE("audit verify proves the chain and names the first tampered event", "[cli][audit]") {
  cli_site site;
  REQUIRE(
      site.run({"tenant", "apply", site.write_file("demo.json", demo_tenant_text())}).exit_code ==
      0);
  const std::string slug = "salon-lindenblatt";
  REQUIRE(site.run({"token", "create", "--tenant", slug, "--name", "frontdesk"}).exit_code == 0);
  REQUIRE(site.run({"token", "revoke", "--tenant", slug, "--name", "frontdesk"}).exit_code == 0);
  auto ok = site.run({"audit", "verify"});
  INFO("stdout: " << ok.out << " stderr: " << ok.err);
  CHECK(ok.exit_code == 0);
  CHECK(ok.last_line() == "audit ok: 3 events in 1 tenant chain(s) intact");
  CHECK(site.run({"audit", "verify", "--tenant", slug}).exit_code == 0);
  CHECK(site.run({"audit", "verify", "--tenant", "nobody"}).exit_code == 1);

  auto conn = site.connect();
  auto rows = conn->query("SELECT id, action, actor, payload FROM audit_events ORDER BY id");
  REQUIRE(rows);
  REQUIRE(rows->size() == 3);
  CHECK(*(*rows)[0].get<std::string>(1) == "tenant.applied");
  CHECK(*(*rows)[1].get<std::string>(1) == "token.created");
  CHECK(*(*rows)[2].get<std::string>(1) == "token.revoked");
  CHECK(*(*rows)[1].get<std::string>(2) == "cli");
  CHECK((*rows)[0].get<std::string>(3)->find("apk_") == std::string::npos);
  const auto second = *(*rows)[1].get<int64_t>(0);
  REQUIRE(conn->execute("UPDATE audit_events SET payload = '{}' WHERE id = ?", {second}));
  auto broken = site.run({"audit", "verify"});
  CHECK(broken.exit_code == 1);
  CHECK(broken.out.find("broken: tenant " + slug + ": event " + std::to_string(second) +
                        " was altered") != std::string::npos);
}
