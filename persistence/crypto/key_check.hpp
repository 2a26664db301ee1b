#pragma once
/// Makes sure a node's data keys are the database's (SPEC S11): the first start records a keyed
/// check value of the blind index key; later starts compare with it. Nodes sharing a database
/// must share keys — one that generated its own would otherwise index numbers differently and
/// split customers. Thread-safety: as the connection.
/// Errors: errc::config when the keys are not this database's (the message says what to do,
/// never a key); those of the connection.

#include "persistence/connection.hpp"

namespace askpro::persistence {

[[nodiscard]] Result<void> check_data_keys(connection& conn);

}  // namespace askpro::persistence
