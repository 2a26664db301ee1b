#pragma once
/// Brings every personal field to the current data key (SPEC S11): values stored before
/// encryption are sealed, values sealed with an older key are sealed again, customers without a
/// blind index get one. Runs after the migrations at start (so a database created before
/// encryption is sealed before anything serves from it) and as `askpro keys rotate`.
/// Works in batches of `batch` rows, each its own transaction holding its rows, so it may run
/// while a server uses the database; an interrupted run continues where the data shows it
/// stopped, and a second run finds nothing to do.
/// Thread-safety: as the connection. Errors: those of the connection; errc::storage when a
/// value's key is missing from the keyring (nothing of that batch changes).

#include "persistence/connection.hpp"

#include <cstdint>

namespace askpro::persistence {

struct reseal_report {
  int64_t rows = 0;    ///< rows changed
  int64_t values = 0;  ///< fields sealed (again) or indexed
};

[[nodiscard]] Result<reseal_report> reseal(connection& conn, int batch = 500);

}  // namespace askpro::persistence
