#pragma once
/// API_CASE: one tenant API test body run against SQLite and against MariaDB, shared by the
/// api_tests and api2_tests suites.

#include "tests/unit/persistence/backend.hpp"

#include <catch2/catch.hpp>

/// "<title> - sqlite" / "<title> - mysql" with tags [api][sqlite] / [api][mysql].
#define API_CASE(title, tags)                                               \
  static void ASKPRO_PP_CAT(api_case_, __LINE__)(::askpro::test::backend&); \
  TEST_CASE(title " - sqlite", "[api][sqlite]" tags) {                      \
    ::askpro::test::with_sqlite(ASKPRO_PP_CAT(api_case_, __LINE__));        \
  }                                                                         \
  TEST_CASE(title " - mysql", "[api][mysql]" tags) {                        \
    ::askpro::test::with_mysql(ASKPRO_PP_CAT(api_case_, __LINE__));         \
  }                                                                         \
  static void ASKPRO_PP_CAT(api_case_, __LINE__)(::askpro::test::backend & db)
