#pragma once
/// External services for tests (MariaDB, Redis), found through the environment that
/// scripts/test exports:
///   ASKPRO_TEST_MYSQL_HOST, _PORT, _USER, _PASSWORD, _DATABASE   a MariaDB/MySQL server
///   ASKPRO_TEST_REDIS_URL                                         redis://host:port/db
///   ASKPRO_TEST_REQUIRE_SERVICES=1                                a missing service FAILS tests
/// Without REQUIRE_SERVICES a test that needs a missing service passes with a WARN ("skipped").
/// Each MySQL test gets its own freshly created database (`scratch_database`), dropped after.
/// Thread-safety: the functions read the environment; call them from the test thread.

#include "config/settings.hpp"
#include "runtime/error.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace askpro::test {

struct mysql_server {
  std::string host;
  uint16_t port = 3306;
  std::string user;
  std::string password;
  std::string database;  ///< the shared database scripts/test created (tests use their own)
};

/// The server from ASKPRO_TEST_MYSQL_*, or nullopt when ASKPRO_TEST_MYSQL_HOST is unset.
std::optional<mysql_server> mysql_from_env();
/// ASKPRO_TEST_REDIS_URL, or nullopt when unset or empty.
std::optional<std::string> redis_url_from_env();
/// ASKPRO_TEST_REQUIRE_SERVICES is "1".
bool services_required();

/// Storage settings for `server` with `database` (empty: no default schema).
config::storage_settings mysql_settings(const mysql_server& server, const std::string& database);

/// A uniquely named database on `server`, created on construction and dropped on destruction.
class scratch_database {
 public:
  [[nodiscard]] static Result<std::unique_ptr<scratch_database>> create(const mysql_server& server);
  ~scratch_database();
  scratch_database(const scratch_database&) = delete;
  scratch_database& operator=(const scratch_database&) = delete;

  const std::string& name() const { return name_; }
  /// Settings that open connections to this database.
  config::storage_settings settings() const { return mysql_settings(server_, name_); }

 private:
  scratch_database(mysql_server server, std::string name)
      : server_(std::move(server)), name_(std::move(name)) {}
  mysql_server server_;
  std::string name_;
};

}  // namespace askpro::test

/// Inside a TEST_CASE: `var` becomes the MySQL server from the environment; without one the
/// test FAILs when services are required and otherwise ends here with a WARN.
#define ASKPRO_NEED_MYSQL(var)                                                      \
  auto var##_env = ::askpro::test::mysql_from_env();                                \
  if (!var##_env) {                                                                 \
    if (::askpro::test::services_required())                                        \
      FAIL("ASKPRO_TEST_REQUIRE_SERVICES=1 but ASKPRO_TEST_MYSQL_HOST is not set"); \
    WARN("skipped: no MySQL/MariaDB (set ASKPRO_TEST_MYSQL_HOST and friends)");     \
    return;                                                                         \
  }                                                                                 \
  const ::askpro::test::mysql_server& var = *var##_env

/// Inside a TEST_CASE: `var` becomes ASKPRO_TEST_REDIS_URL; otherwise FAIL or WARN as above.
#define ASKPRO_NEED_REDIS(var)                                                     \
  auto var##_env = ::askpro::test::redis_url_from_env();                           \
  if (!var##_env) {                                                                \
    if (::askpro::test::services_required())                                       \
      FAIL("ASKPRO_TEST_REQUIRE_SERVICES=1 but ASKPRO_TEST_REDIS_URL is not set"); \
    WARN("skipped: no Redis (set ASKPRO_TEST_REDIS_URL)");                         \
    return;                                                                        \
  }                                                                                \
  const std::string& var = *var##_env
