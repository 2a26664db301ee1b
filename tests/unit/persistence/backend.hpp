#pragma once
/// One persistence suite, two backends: each case is written once as a function over a
/// `backend` and registered twice by PERSISTENCE_CASE — "<title> - sqlite" (a fresh database file
/// in a temporary directory) and "<title> - mysql" (a fresh database on the server from the
/// environment, see tests/support/services.hpp).

#include "config/settings.hpp"
#include "persistence/connection.hpp"
#include "persistence/database.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <memory>
#include <string>

namespace askpro::test {

class backend {
 public:
  virtual ~backend() = default;
  /// "sqlite" or "mysql".
  virtual std::string name() const = 0;
  /// Settings that open connections to this test's database.
  virtual config::storage_settings settings() const = 0;
  bool is_mysql() const { return name() == "mysql"; }

  /// A new connection (REQUIREs success).
  std::unique_ptr<persistence::connection> connect(bool read_only = false) const;
  /// A new connection with all migrations applied.
  std::unique_ptr<persistence::connection> migrated() const;
};

using backend_case = std::function<void(backend&)>;

/// Runs `body` against a fresh SQLite database file.
void with_sqlite(const backend_case& body);
/// Runs `body` against a fresh MySQL database; FAILs or WARNs-and-returns without a server.
void with_mysql(const backend_case& body);

/// A loopback port with nothing listening on it (bound once, then closed).
uint16_t closed_port();

/// REQUIREs that `r` holds a value and returns it; prints the error otherwise.
template <class T>
T expect_ok(Result<T> r) {
  INFO((r ? std::string{"ok"} : describe(r.error())));
  REQUIRE(r);
  return std::move(*r);
}
inline void expect_ok(Result<void> r) {
  INFO((r ? std::string{"ok"} : describe(r.error())));
  REQUIRE(r);
}

/// REQUIREs that `r` failed with `code`.
template <class T>
caf::error expect_error(const Result<T>& r, errc code) {
  REQUIRE_FALSE(r);
  INFO(describe(r.error()));
  REQUIRE(code_of(r.error()) == code);
  return r.error();
}

}  // namespace askpro::test

#define ASKPRO_PP_CAT2(a, b) a##b
#define ASKPRO_PP_CAT(a, b) ASKPRO_PP_CAT2(a, b)

/// Declares `static void fn(backend&)` and registers it against both backends.
#define PERSISTENCE_CASE(title, tags)                                               \
  static void ASKPRO_PP_CAT(persistence_case_, __LINE__)(::askpro::test::backend&); \
  TEST_CASE(title " - sqlite", "[persistence][sqlite]" tags) {                      \
    ::askpro::test::with_sqlite(ASKPRO_PP_CAT(persistence_case_, __LINE__));        \
  }                                                                                 \
  TEST_CASE(title " - mysql", "[persistence][mysql]" tags) {                        \
    ::askpro::test::with_mysql(ASKPRO_PP_CAT(persistence_case_, __LINE__));         \
  }                                                                                 \
  static void ASKPRO_PP_CAT(persistence_case_, __LINE__)(::askpro::test::backend & db)
