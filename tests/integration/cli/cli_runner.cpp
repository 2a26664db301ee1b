#include "tests/integration/cli/cli_runner.hpp"

#include "tests/support/test_keys.hpp"

#include "config/settings.hpp"
#include "persistence/database.hpp"

#include <date/date.h>
#include <httplib.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

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
  write_file("keys.toml", test_keys_toml());  // the keys file serve would otherwise create
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
  s.data_keys = test_data_keys();
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

serve_process::serve_process(const cli_site& site, const std::string& ops_token)
    : serve_process(site, serve_options{ops_token, {}, {}}) {}

serve_process::serve_process(const cli_site& site, const serve_options& options) {
  auto storage = options.storage_toml.empty() ? "[storage]\ndriver = \"sqlite\"\nsqlite_path = \"" +
                                                    site.dir() + "/askpro.db\"\n"
                                              : options.storage_toml;
  auto config =
      site.write_file("serve.toml", storage +
                                        "\n[http]\nlisten = \"127.0.0.1:0\"\n\n[ops]\nlisten = "
                                        "\"127.0.0.1:0\"\ntoken = \"" +
                                        options.ops_token + "\"\n\n[log]\nlevel = \"warn\"\n\n" +
                                        options.extra_toml);
  out_ = site.dir() + "/serve.out";
  pid_ = ::fork();
  REQUIRE(pid_ >= 0);
  if (pid_ == 0) {
    std::freopen(out_.c_str(), "w", stdout);
    std::freopen((out_ + ".err").c_str(), "w", stderr);
    ::execl(ASKPRO_BINARY, ASKPRO_BINARY, "serve", "--config", config.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
}

serve_process::~serve_process() {
  stop();
}

std::string serve_process::url_after(const std::string& marker) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{30};
  while (std::chrono::steady_clock::now() < deadline) {
    std::ifstream in(out_);
    std::string line;
    while (std::getline(in, line)) {
      auto at = line.find(marker);
      if (at == std::string::npos) continue;
      auto url = line.substr(at + marker.size());
      return url.substr(0, url.find('/', std::string{"http://"}.size()));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds{20});  // polling serve's output
  }
  FAIL("askpro serve did not print '" << marker << "'");
  return {};
}

std::string serve_process::api_url() {
  return url_after("API listening on ");
}

std::string serve_process::ops_url() {
  return url_after("ops listening on ");
}

void serve_process::kill() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

int serve_process::stop() {
  if (pid_ <= 0) return exit_code_;
  ::kill(pid_, SIGTERM);
  int status = 0;
  if (::waitpid(pid_, &status, 0) == pid_ && WIFEXITED(status)) exit_code_ = WEXITSTATUS(status);
  pid_ = -1;
  return exit_code_;
}

std::string first_free_slot(const std::string& api_url, const std::string& token) {
  httplib::Client api{api_url};
  auto today = date::floor<date::days>(std::chrono::system_clock::now());
  std::ostringstream range;  // the week that starts in seven days (some of its days are closed)
  range << "from=" << date::year_month_day{today + date::days{7}}
        << "&to=" << date::year_month_day{today + date::days{14}};
  auto slots = api.Get(
      ("/api/v2/availability?branch=mitte&service=herrenhaarschnitt&" + range.str()).c_str(),
      {{"Authorization", "Bearer " + token}});
  REQUIRE(slots);
  INFO(slots->body);
  REQUIRE(slots->status == 200);
  auto free = nlohmann::json::parse(slots->body)["data"];
  REQUIRE_FALSE(free.empty());
  return free[0]["start"].get<std::string>();
}

}  // namespace askpro::test
