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

/// Where the keys file is (configured or default).
std::string keys_file_path(const config::settings& settings);

[[nodiscard]] Result<persistence::keyring> load_data_keys(const config::settings& settings,
                                                          bool create);

}  // namespace askpro::app
