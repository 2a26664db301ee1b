#include "runtime/app/data_keys.hpp"

#include "config/loader.hpp"

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
  auto fresh = persistence::keyring::generate("k1");
  if (!fresh) return std::move(fresh.error());
  const std::string text =
      "# AskPro data keys, created by askpro serve. Keep this file secret and backed up: without\n"
      "# it the encrypted personal data cannot be read.\n"
      "[security]\nencryption_keys = [\"" +
      fresh->first + "\"]\nblind_index_key = \"" + fresh->second + "\"\n";
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno == EEXIST) return caf::unit;
  if (fd < 0)
    return make_error(errc::unavailable, "cannot create " + path + ": " + std::strerror(errno));
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
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

}  // namespace askpro::app
