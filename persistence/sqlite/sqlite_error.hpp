#pragma once
/// Maps SQLite result codes to askpro errors (see connection.hpp for the contract).
/// Thread-safety: reads the connection's last error message; call on the connection's thread.

#include "runtime/error.hpp"

#include <string_view>

struct sqlite3;

namespace askpro::persistence::sqlite {

/// The askpro error for result code `rc` (extended codes welcome) of a call on `db` (may be null).
caf::error to_error(sqlite3* db, int rc, std::string_view context);

}  // namespace askpro::persistence::sqlite
