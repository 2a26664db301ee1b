#include "tests/support/services.hpp"

#include "tests/support/test_keys.hpp"

#include "persistence/database.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <random>

namespace askpro::test {
namespace {

std::optional<std::string> env(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') return std::nullopt;
  return std::string{v};
}

std::string unique_name() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  return "askpro_t" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
         std::to_string(rd() % 1000000);
}

}  // namespace

std::optional<mysql_server> mysql_from_env() {
  auto host = env("ASKPRO_TEST_MYSQL_HOST");
  if (!host) return std::nullopt;
  mysql_server s;
  s.host = *host;
  s.port = static_cast<uint16_t>(std::stoi(env("ASKPRO_TEST_MYSQL_PORT").value_or("3306")));
  s.user = env("ASKPRO_TEST_MYSQL_USER").value_or("askpro");
  s.password = env("ASKPRO_TEST_MYSQL_PASSWORD").value_or("");
  s.database = env("ASKPRO_TEST_MYSQL_DATABASE").value_or("askpro_test");
  return s;
}

std::optional<std::string> redis_url_from_env() {
  return env("ASKPRO_TEST_REDIS_URL");
}

bool services_required() {
  return env("ASKPRO_TEST_REQUIRE_SERVICES").value_or("") == "1";
}

config::storage_settings mysql_settings(const mysql_server& server, const std::string& database) {
  config::storage_settings s;
  s.driver = "mysql";
  s.mysql_host = server.host;
  s.mysql_port = server.port;
  s.mysql_user = server.user;
  s.mysql_password = server.password;
  s.mysql_database = database;
  s.mysql_pool = 4;
  s.data_keys = test_data_keys();
  return s;
}

Result<std::unique_ptr<scratch_database>> scratch_database::create(const mysql_server& server) {
  auto conn = persistence::open(mysql_settings(server, ""));
  if (!conn) return std::move(conn.error());
  auto name = unique_name();
  auto ok = (*conn)->exec("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
  if (!ok) return std::move(ok.error());
  return std::unique_ptr<scratch_database>{new scratch_database{server, name}};
}

scratch_database::~scratch_database() {
  auto conn = persistence::open(mysql_settings(server_, ""));
  if (conn) (void)(*conn)->exec("DROP DATABASE IF EXISTS `" + name_ + "`");
}

}  // namespace askpro::test
