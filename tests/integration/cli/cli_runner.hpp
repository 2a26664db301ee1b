#pragma once
/// Runs the real `askpro` binary (path from the ASKPRO_BINARY compile definition) in a
/// temporary directory with its own configuration file and SQLite database.
/// Thread-safety: use from the test thread. Ownership: `cli_site` removes its directory.

#include "persistence/connection.hpp"

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

/// The demo tenant file's text.
std::string demo_tenant_text();

}  // namespace askpro::test
