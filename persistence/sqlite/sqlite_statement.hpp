#pragma once
/// Binding parameters to and reading rows from one SQLite prepared statement (internal to the
/// SQLite driver). Thread-safety: as the owning connection.

#include "persistence/row.hpp"
#include "persistence/value.hpp"
#include "runtime/error.hpp"

#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace askpro::persistence::sqlite {

/// Binds `binds` to the statement's parameters in order; the counts must match.
[[nodiscard]] Result<void> bind_values(sqlite3* db, sqlite3_stmt* stmt,
                                       const std::vector<value>& binds);

/// Steps the statement to completion, appending rows to `*out` when `out` is not null, and
/// resets it (so no read transaction stays open).
[[nodiscard]] Result<void> step_all(sqlite3* db, sqlite3_stmt* stmt, result_set* out);

}  // namespace askpro::persistence::sqlite
