#pragma once
/// Opens a connection of the configured driver ("sqlite" or "mysql").
/// Thread-safety: callable from any thread; the returned connection is for one thread at a time.
/// Ownership: the caller owns the connection. Errors: errc::config for an unknown driver; the
/// driver's open errors (errc::storage, errc::unavailable).

#include "config/settings.hpp"
#include "persistence/connection.hpp"

#include <memory>

namespace askpro::persistence {

struct open_options {
  /// SQLite: a reader (PRAGMA query_only). MySQL: ignored (the pool reads and writes).
  bool read_only = false;
};

[[nodiscard]] Result<std::unique_ptr<connection>> open(const config::storage_settings& settings,
                                                       const open_options& opts = {});

}  // namespace askpro::persistence
