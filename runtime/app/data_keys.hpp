#pragma once
/// The data keys of this node (SPEC S11, contract `security.*`): from
/// `security.encryption_keys` and `security.blind_index_key` when configured, otherwise from
/// `security.keys_file` (default `keys.toml` beside `storage.sqlite_path`). When neither exists
/// and `create` is set (`askpro serve`), the file is created with fresh random keys, readable by
/// its owner only, and the creation is logged — so `./scripts/serve` works on a fresh machine.
/// Keys are never logged. Errors: errc::config for malformed keys (naming the entry, never the
/// key), errc::not_found when there are none and `create` is off, errc::unavailable when the
/// file cannot be written.

#include "config/settings.hpp"
#include "persistence/crypto/keyring.hpp"
#include "runtime/error.hpp"

#include <string>

namespace askpro::app {

/// A `[security]` TOML block with a fresh field key `id` and blind index key.
[[nodiscard]] Result<std::string> fresh_keys_toml(const std::string& id);

/// Where the keys file is (configured or default).
std::string keys_file_path(const config::settings& settings);

[[nodiscard]] Result<persistence::keyring> load_data_keys(const config::settings& settings,
                                                          bool create);

/// `settings` whose storage carries the data keys, so every connection opened with it seals and
/// opens personal data.
[[nodiscard]] Result<config::settings> with_data_keys(const config::settings& settings,
                                                      bool create);

/// At start, after the migrations: the keys must be the database's (key_check.hpp), and what is
/// not sealed with the current key yet is sealed (reseal.hpp). Logs what it sealed.
[[nodiscard]] Result<void> seal_database(const config::settings& keyed);

/// What a process that runs a node does first (serve, the in-process shell): migrations, data
/// keys (created when missing), key check and sealing. The settings carrying the keys; errors
/// say which step failed.
[[nodiscard]] Result<config::settings> ready_storage(const config::settings& settings);

}  // namespace askpro::app
