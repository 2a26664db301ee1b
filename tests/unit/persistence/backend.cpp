#include "tests/unit/persistence/backend.hpp"

#include "persistence/migrate.hpp"
#include "tests/support/services.hpp"
#include "tests/support/test_keys.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace askpro::test {
namespace {

class sqlite_backend final : public backend {
 public:
  sqlite_backend() {
    std::string pattern = (std::filesystem::temp_directory_path() / "askpro-db-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    dir_ = pattern;
  }
  ~sqlite_backend() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::string name() const override { return "sqlite"; }
  config::storage_settings settings() const override {
    config::storage_settings s;
    s.driver = "sqlite";
    s.sqlite_path = (dir_ / "var" / "test.db").string();  // "var" does not exist yet
    s.sqlite_readers = 2;
    s.data_keys = test_data_keys();
    return s;
  }

 private:
  std::filesystem::path dir_;
};

class mysql_backend final : public backend {
 public:
  explicit mysql_backend(std::unique_ptr<scratch_database> db) : db_(std::move(db)) {}
  std::string name() const override { return "mysql"; }
  config::storage_settings settings() const override { return db_->settings(); }

 private:
  std::unique_ptr<scratch_database> db_;
};

}  // namespace

std::unique_ptr<persistence::connection> backend::connect(bool read_only) const {
  return expect_ok(persistence::open(settings(), {read_only}));
}

std::unique_ptr<persistence::connection> backend::migrated() const {
  auto conn = connect();
  expect_ok(persistence::migrate(*conn));
  return conn;
}

uint16_t closed_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

void with_sqlite(const backend_case& body) {
  sqlite_backend b;
  body(b);
}

void with_mysql(const backend_case& body) {
  ASKPRO_NEED_MYSQL(server);
  mysql_backend b{expect_ok(scratch_database::create(server))};
  body(b);
}

}  // namespace askpro::test
