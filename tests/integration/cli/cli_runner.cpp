#include "tests/integration/cli/cli_runner.hpp"

#include "config/settings.hpp"
#include "persistence/database.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

extern char** environ;

namespace askpro::test {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// In the child: drop ASKPRO_* settings overrides so only the site's config applies.
void scrub_environment() {
  std::vector<std::string> names;
  for (char** e = environ; *e; ++e) {
    std::string entry{*e};
    auto name = entry.substr(0, entry.find('='));
    if (name.rfind("ASKPRO_", 0) == 0 && name.rfind("ASKPRO_TEST_", 0) != 0) names.push_back(name);
  }
  for (const auto& name : names) ::unsetenv(name.c_str());
}

[[noreturn]] void exec_child(const std::vector<std::string>& argv, const std::string& out,
                             const std::string& err) {
  int fd_out = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  int fd_err = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd_out < 0 || fd_err < 0) ::_exit(127);
  ::dup2(fd_out, 1);
  ::dup2(fd_err, 2);
  scrub_environment();
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  ::execv(args[0], args.data());
  ::_exit(127);
}

}  // namespace

std::string cli_result::last_line() const {
  std::istringstream lines(out);
  std::string line, last;
  while (std::getline(lines, line))
    if (!line.empty()) last = line;
  return last;
}

cli_site::cli_site() {
  std::string pattern = (std::filesystem::temp_directory_path() / "askpro-cli-XXXXXX").string();
  REQUIRE(::mkdtemp(pattern.data()) != nullptr);
  dir_ = pattern;
  config_ = write_file("askpro.toml", "[storage]\ndriver = \"sqlite\"\nsqlite_path = \"" + dir_ +
                                          "/askpro.db\"\n\n[log]\nlevel = \"warn\"\n");
}

cli_site::~cli_site() {
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

cli_result cli_site::run(const std::vector<std::string>& args) const {
  std::vector<std::string> argv{ASKPRO_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.push_back("--config");
  argv.push_back(config_);
  const std::string out = dir_ + "/stdout", err = dir_ + "/stderr";
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) exec_child(argv, out, err);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  cli_result r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

std::string cli_site::write_file(const std::string& name, const std::string& text) const {
  const std::string path = dir_ + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::unique_ptr<persistence::connection> cli_site::connect() const {
  config::storage_settings s;
  s.driver = "sqlite";
  s.sqlite_path = dir_ + "/askpro.db";
  auto conn = persistence::open(s);
  INFO((conn ? std::string{"ok"} : describe(conn.error())));
  REQUIRE(conn);
  return std::move(*conn);
}

int64_t cli_site::count(const std::string& table) const {
  auto rows = connect()->query("SELECT COUNT(*) FROM " + table);
  INFO((rows ? std::string{"ok"} : describe(rows.error())));
  REQUIRE(rows);
  auto n = (*rows)[0].get<int64_t>(0);
  REQUIRE(n);
  return *n;
}

std::string demo_tenant_text() {
  return slurp(std::string{ASKPRO_SOURCE_DIR} + "/config/demo-tenant.json");
}

}  // namespace askpro::test
