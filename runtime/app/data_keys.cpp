#include "runtime/app/data_keys.hpp"

#include "config/loader.hpp"
#include "persistence/crypto/key_check.hpp"
#include "persistence/crypto/reseal.hpp"
#include "persistence/database.hpp"
#include "persistence/migrate.hpp"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace askpro::app {
namespace {

/// Writes a new keys file; EEXIST means another process created it first.
Result<void> create_keys_file(const std::string& path) {
  auto text = fresh_keys_toml("k1");
  if (!text) return std::move(text.error());
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno == EEXIST) return caf::unit;
  if (fd < 0)
    return make_error(errc::unavailable, "cannot create " + path + ": " + std::strerror(errno));
  bool ok = ::write(fd, text->data(), text->size()) == static_cast<ssize_t>(text->size());
  ok = ::fsync(fd) == 0 && ok;
  ::close(fd);
  if (!ok) return make_error(errc::unavailable, "cannot write " + path);
  spdlog::warn(
      "security: no data keys were configured; created {} with fresh keys (keep it "
      "secret and backed up)",
      path);
  return caf::unit;
}

}  // namespace

Result<std::string> fresh_keys_toml(const std::string& id) {
  auto fresh = persistence::keyring::generate(id);
  if (!fresh) return std::move(fresh.error());
  return "# AskPro data keys. Keep them secret and backed up: without them the encrypted\n"
         "# personal data cannot be read. Every node on one database needs the same keys.\n"
         "[security]\nencryption_keys = [\"" +
         fresh->first + "\"]\nblind_index_key = \"" + fresh->second + "\"\n";
}

std::string keys_file_path(const config::settings& settings) {
  if (!settings.security.keys_file.empty()) return settings.security.keys_file;
  auto dir = std::filesystem::path(settings.storage.sqlite_path).parent_path();
  return (dir.empty() ? std::filesystem::path("keys.toml") : dir / "keys.toml").string();
}

Result<persistence::keyring> load_data_keys(const config::settings& settings, bool create) {
  const auto& sec = settings.security;
  if (!sec.encryption_keys.empty() || !sec.blind_index_key.empty())
    return persistence::keyring::parse(sec.encryption_keys, sec.blind_index_key);
  const auto path = keys_file_path(settings);
  if (!std::filesystem::exists(path)) {
    if (!create)
      return make_error(errc::not_found, "no data keys: security.encryption_keys is empty and " +
                                             path + " does not exist");
    if (auto made = create_keys_file(path); !made) return std::move(made.error());
  }
  auto file = config::load(path, {});
  if (!file) return make_error(errc::config, path + ": " + detail_of(file.error()));
  return persistence::keyring::parse(file->security.encryption_keys,
                                     file->security.blind_index_key);
}

Result<config::settings> with_data_keys(const config::settings& settings, bool create) {
  auto keys = load_data_keys(settings, create);
  if (!keys) return std::move(keys.error());
  auto out = settings;
  out.storage.data_keys = std::make_shared<const persistence::keyring>(std::move(*keys));
  return out;
}

Result<void> seal_database(const config::settings& keyed) {
  auto conn = persistence::open(keyed.storage);
  if (!conn) return std::move(conn.error());
  if (auto same = persistence::check_data_keys(**conn); !same) return same;
  auto sealed = persistence::reseal(**conn);
  if (!sealed) return std::move(sealed.error());
  if (sealed->values > 0)
    spdlog::info("security: sealed {} value(s) in {} row(s) with the current data key",
                 sealed->values, sealed->rows);
  return caf::unit;
}

Result<config::settings> ready_storage(const config::settings& settings) {
  if (auto migrated = persistence::migrate(settings.storage); !migrated) {
    return make_error(code_of(migrated.error()).value_or(errc::storage),
                      "cannot migrate: " + detail_of(migrated.error()));
  } else if (*migrated > 0) {
    spdlog::info("{} migration(s) applied", *migrated);
  }
  auto keyed = with_data_keys(settings, true);
  if (keyed) {
    if (auto sealed = seal_database(*keyed); !sealed) keyed = std::move(sealed.error());
  }
  if (!keyed)
    return make_error(code_of(keyed.error()).value_or(errc::storage),
                      "data keys: " + detail_of(keyed.error()));
  spdlog::info("security: data keys ready (sealing with key '{}')",
               keyed->storage.data_keys->current().id);
  return keyed;
}

}  // namespace askpro::app
