#pragma once
/// Runs one benchmark body on each database the machine offers: a fresh SQLite file (WAL) in a
/// temporary folder, then a scratch MariaDB database when ASKPRO_TEST_MYSQL_* is set (a line
/// says why it was skipped otherwise). Thread-safety: call from main only.

#include "config/settings.hpp"

#include <functional>
#include <string>

namespace askpro::bench {

using backend_run = std::function<void(const std::string& label, const config::storage_settings&)>;

/// `name` makes the temporary folder's name unique per benchmark; `sqlite_label` is passed to
/// `run` for the SQLite pass, "mariadb" for the other.
void for_each_backend(const std::string& name, const std::string& sqlite_label,
                      const backend_run& run);

}  // namespace askpro::bench
