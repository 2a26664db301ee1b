#pragma once
/// Runs the real `askpro` binary (path from the ASKPRO_BINARY compile definition) in a
/// temporary directory with its own configuration file and SQLite database.
/// Thread-safety: use from the test thread. Ownership: `cli_site` removes its directory.

#include "persistence/connection.hpp"

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

namespace askpro::test {

struct cli_result {
  int exit_code = -1;
  std::string out;  ///< standard output
  std::string err;  ///< standard error
  /// The last non-empty line of standard output ("" when there is none).
  std::string last_line() const;
};

class cli_site {
 public:
  cli_site();
  ~cli_site();
  cli_site(const cli_site&) = delete;
  cli_site& operator=(const cli_site&) = delete;

  /// Runs `askpro <args…> --config <site config>`; ASKPRO_* variables other than
  /// ASKPRO_TEST_* are removed from the child's environment.
  cli_result run(const std::vector<std::string>& args) const;
  /// Writes `text` to `name` inside the site; yields its path.
  std::string write_file(const std::string& name, const std::string& text) const;
  /// A connection to the site's database (REQUIREs success).
  std::unique_ptr<persistence::connection> connect() const;
  /// COUNT(*) of `table`.
  int64_t count(const std::string& table) const;

  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
  std::string config_;
};

/// What a served site may differ in: the ops token, another database (a `[storage]` table in
/// TOML; default the site's SQLite file) and more configuration (TOML tables appended).
struct serve_options {
  std::string ops_token = "ops-cli-secret";
  std::string storage_toml;
  std::string extra_toml;
};

/// `askpro serve` of a site's database on ephemeral ports, in the background, with `ops_token`;
/// stopped with SIGTERM when destroyed (or by `stop`).
class serve_process {
 public:
  explicit serve_process(const cli_site& site, const std::string& ops_token = "ops-cli-secret");
  serve_process(const cli_site& site, const serve_options& options);
  ~serve_process();
  serve_process(const serve_process&) = delete;
  serve_process& operator=(const serve_process&) = delete;

  /// "http://127.0.0.1:<port>" of each listener once serve printed it (REQUIREs it within 30 s).
  std::string api_url();
  std::string ops_url();
  /// SIGTERM, then the exit code (-1 when it did not exit normally). Idempotent.
  int stop();
  /// SIGKILL: the process dies where it stands (nothing is flushed or released).
  void kill();

 private:
  std::string url_after(const std::string& marker);

  std::string out_;
  pid_t pid_ = -1;
  int exit_code_ = -1;
};

/// The first free slot of the demo tenant's "herrenhaarschnitt" at branch "mitte" in the week
/// that starts seven days from now, as the API at `api_url` gives it to `token` (its "start").
std::string first_free_slot(const std::string& api_url, const std::string& token);

/// The demo tenant file's text.
std::string demo_tenant_text();

}  // namespace askpro::test
