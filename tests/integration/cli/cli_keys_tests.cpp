// Data keys at start-up: `askpro serve` creates keys.toml beside the database on first start
// (owner-only), keeps it afterwards, and refuses malformed configured keys without echoing them.
#include "tests/integration/cli/cli_runner.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

#include <sys/stat.h>

#include <fstream>
#include <sstream>

using askpro::test::cli_site;
using askpro::test::serve_process;

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("serve creates the data keys file once and keeps it", "[cli][keys]") {
  cli_site site;
  const auto path = site.dir() + "/keys.toml";
  std::filesystem::remove(path);  // a site comes with the tests' keys
  {
    serve_process serve(site);
    serve.api_url();
  }
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  const auto first = read_text(path);
  CHECK(first.find("encryption_keys = [\"k1:") != std::string::npos);
  CHECK(first.find("blind_index_key = \"") != std::string::npos);
  {
    serve_process again(site);
    again.api_url();
  }
  CHECK(read_text(path) == first);  // the same keys on every later start
}

TEST_CASE("malformed configured keys stop serve with exit 2, the key not echoed", "[cli][keys]") {
  cli_site site;
  site.write_file("askpro.toml", "[storage]\ndriver = \"sqlite\"\nsqlite_path = \"" + site.dir() +
                                     "/askpro.db\"\n\n[security]\nencryption_keys = "
                                     "[\"k1:c2VjcmV0LXNob3J0\"]\nblind_index_key = \"x\"\n");
  auto refused = site.run({"serve"});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("security.encryption_keys[0]") != std::string::npos);
  CHECK(refused.err.find("c2VjcmV0LXNob3J0") == std::string::npos);
}
