// `askpro ops …` against a real `askpro serve` (SQLite site with the demo tenant): the tree as
// an indented listing, one node, restart and breaker actions, --json, and the exit codes of the
// contract (0 done, 1 the server refused or cannot be reached, 2 usage).
#include "tests/fakes/retell_client.hpp"
#include "tests/integration/cli/cli_runner.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>

using namespace askpro;
using namespace askpro::test;

namespace {

const char* const demo_retell_key = "key_demo_0000000000000000000000";
const char* const demo_number = "+493091204410";

int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

struct ops_site {
  ops_site() {
    REQUIRE(
        site.run({"tenant", "apply", site.write_file("demo.json", demo_tenant_text())}).exit_code ==
        0);
    url = serve.ops_url();
  }
  cli_result ops(std::vector<std::string> args, const std::string& token = "ops-cli-secret") {
    std::vector<std::string> all{"ops"};
    all.insert(all.end(), args.begin(), args.end());
    all.insert(all.end(), {"--connect", url, "--token", token});
    return site.run(all);
  }
  cli_site site;
  serve_process serve{site};
  std::string url;
};

}  // namespace

TEST_CASE("ops tree prints the live tree as an indented listing", "[cli][ops]") {
  ops_site s;
  auto r = s.ops({"tree"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("ACTOR", 0) == 0);
  CHECK(r.out.find("MAILBOX") != std::string::npos);
  CHECK(r.out.find("\n/ ") != std::string::npos);
  CHECK(r.out.find("\n  directory ") != std::string::npos);
  CHECK(r.out.find("\n  tenants ") != std::string::npos);
  CHECK(r.out.find("\n    pool ") != std::string::npos);
  auto j = s.ops({"tree", "--json"});
  REQUIRE(j.exit_code == 0);
  auto tree = nlohmann::json::parse(j.out);
  CHECK(tree["path"] == "/");
  CHECK(tree["children"].size() >= 3);
}

TEST_CASE("ops inspect and restart act on one actor", "[cli][ops]") {
  ops_site s;
  auto node = s.ops({"inspect", "/directory"});
  INFO(node.out << node.err);
  REQUIRE(node.exit_code == 0);
  CHECK(node.out.find("kind: tenant_directory") != std::string::npos);
  CHECK(node.out.find("restarts: 0") != std::string::npos);
  auto restarted = s.ops({"restart", "directory"});  // the leading slash is optional
  INFO(restarted.out << restarted.err);
  REQUIRE(restarted.exit_code == 0);
  CHECK(restarted.out.find("restarts: 1") != std::string::npos);
  auto json = s.ops({"inspect", "/directory", "--json"});
  REQUIRE(json.exit_code == 0);
  CHECK(nlohmann::json::parse(json.out)["restarts"] == 1);
}

TEST_CASE("ops breaker open and reset, and a path that is no breaker", "[cli][ops]") {
  ops_site s;
  // The demo tenant's actors start with its first call.
  auto api = s.serve.api_url();
  auto port = static_cast<uint16_t>(std::stoi(api.substr(api.rfind(':') + 1)));
  fakes::retell_client retell{"127.0.0.1", port, demo_retell_key};
  auto started = retell.post(
      "/webhooks/retell",
      fakes::retell_client::event("call_started", "call_cli", "+4915112345678", demo_number).dump(),
      now_ms());
  REQUIRE(started);
  REQUIRE(started->status == 204);
  const std::string breaker = "/tenants/salon-lindenblatt/calendars/mitte/breaker";
  auto opened = s.ops({"breaker", "open", breaker});
  INFO(opened.out << opened.err);
  REQUIRE(opened.exit_code == 0);
  CHECK(opened.out.find("\"breaker\": \"open\"") != std::string::npos);
  auto reset = s.ops({"breaker", "reset", breaker, "--json"});
  REQUIRE(reset.exit_code == 0);
  CHECK(nlohmann::json::parse(reset.out)["state"]["breaker"] == "closed");
  auto wrong = s.ops({"breaker", "open", "/db"});
  CHECK(wrong.exit_code == 1);
  CHECK(wrong.err.find("HTTP 404") != std::string::npos);
  auto tree = s.ops({"tree"});
  CHECK(tree.out.find("call_cli") != std::string::npos);
}

TEST_CASE("ops exit codes: 1 for refusals, 2 for usage", "[cli][ops]") {
  ops_site s;
  auto missing = s.ops({"restart", "/nope"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("HTTP 404") != std::string::npos);
  auto token = s.ops({"tree"}, "wrong-token");
  CHECK(token.exit_code == 1);
  CHECK(token.err.find("HTTP 401") != std::string::npos);
  auto root = s.ops({"stop", "/"});
  CHECK(root.exit_code == 1);
  CHECK(root.err.find("HTTP 409") != std::string::npos);
  CHECK(s.site.run({"ops"}).exit_code == 2);
  CHECK(s.site.run({"ops", "restart"}).exit_code == 2);
  CHECK(s.site.run({"ops", "frobnicate"}).exit_code == 2);
  CHECK(s.site.run({"ops", "jobs", "--status", "sleeping"}).exit_code == 2);
  auto down = s.site.run({"ops", "tree", "--connect", "http://127.0.0.1:1", "--token", "x"});
  CHECK(down.exit_code == 1);
  CHECK(down.err.find("cannot reach") != std::string::npos);
}
