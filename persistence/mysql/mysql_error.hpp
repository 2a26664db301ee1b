#pragma once
/// Maps MySQL/MariaDB error numbers to askpro errors (contract in connection.hpp) and redacts
/// values the server quotes in its messages (duplicate entries, invalid values), so details can
/// be logged. Thread-safety: pure functions.

#include "runtime/error.hpp"

#include <string>
#include <string_view>

namespace askpro::persistence::mysql {

/// Whether `code` means the session is gone (server gone away, lost, killed, refused): the
/// connection must be rebuilt before the next statement.
bool is_connection_lost(int code);

/// The askpro error for server/client error `code` with message `message` while running `sql`.
caf::error to_error(int code, std::string_view message, std::string_view sql);

/// `message` with quoted values after "entry" / "value" replaced by '…'.
std::string redact_values(std::string_view message);

}  // namespace askpro::persistence::mysql
