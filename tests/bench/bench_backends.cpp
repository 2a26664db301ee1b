#include "tests/bench/bench_backends.hpp"

#include "tests/support/services.hpp"
#include "tests/support/test_keys.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>

namespace askpro::bench {

void for_each_backend(const std::string& name, const std::string& sqlite_label,
                      const backend_run& run) {
  auto dir = std::filesystem::temp_directory_path() /
             ("askpro-" + name + "-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  config::storage_settings sqlite;
  sqlite.driver = "sqlite";
  sqlite.sqlite_path = (dir / "bench.db").string();
  sqlite.data_keys = test::test_data_keys();  // personal data is sealed, as in production
  run(sqlite_label, sqlite);
  std::filesystem::remove_all(dir);
  if (auto server = test::mysql_from_env()) {
    auto scratch = test::scratch_database::create(*server);
    if (scratch)
      run("mariadb", (*scratch)->settings());
    else
      std::printf("mariadb: %s\n", describe(scratch.error()).c_str());
  } else {
    std::printf("mariadb: skipped (ASKPRO_TEST_MYSQL_HOST not set)\n");
  }
}

}  // namespace askpro::bench
