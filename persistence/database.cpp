#include "persistence/database.hpp"

#include "persistence/mysql/mysql_connection.hpp"
#include "persistence/sqlite/sqlite_connection.hpp"

namespace askpro::persistence {

namespace {

Result<std::unique_ptr<connection>> open_driver(const config::storage_settings& settings,
                                                const open_options& opts) {
  if (settings.driver == "sqlite") {
    sqlite::options o;
    o.read_only = opts.read_only;
    return sqlite::sqlite_connection::open(settings.sqlite_path, o);
  }
  if (settings.driver == "mysql") {
    return mysql::mysql_connection::open(mysql::params_of(settings));
  }
  return make_error(errc::config,
                    "storage.driver must be sqlite or mysql, got '" + settings.driver + "'");
}

}  // namespace

Result<std::unique_ptr<connection>> open(const config::storage_settings& settings,
                                         const open_options& opts) {
  auto conn = open_driver(settings, opts);
  if (conn) (*conn)->set_data_keys(settings.data_keys);
  return conn;
}

}  // namespace askpro::persistence
