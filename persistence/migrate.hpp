#pragma once
/// Versioned schema migrations, one folder per dialect (persistence/migrations/sqlite and
/// persistence/migrations/mysql, files NNNN_name.sql), embedded into the binary at build time.
/// Applied versions are recorded in `schema_migrations` (version, name, applied_at in Unix ms),
/// which the first migration creates.
///
/// Each pending migration runs in its own transaction where the dialect can roll DDL back
/// (SQLite); on MySQL, DDL commits implicitly, so a migration is applied statement by statement
/// and recorded at the end — keep MySQL migrations small. Concurrent migrators (several nodes)
/// serialise: SQLite through BEGIN IMMEDIATE and a re-check inside the transaction, MySQL
/// through GET_LOCK on a per-database name.
///
/// Thread-safety: as the connection. Errors: the failing statement's error, its detail prefixed
/// with the migration file ("0002_jobs: …"); errc::internal for malformed embedded files;
/// errc::unavailable when another node holds the MySQL migration lock for over a minute.

#include "config/settings.hpp"
#include "persistence/connection.hpp"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace askpro::persistence {

struct migration {
  int version = 0;
  std::string name;  ///< file name without number and extension ("base")
  std::string_view sql;
};

/// The embedded migrations of `kind`, sorted by version.
[[nodiscard]] Result<std::vector<migration>> migrations_for(dialect_kind kind);

/// The versions recorded in schema_migrations (empty before the first migration).
[[nodiscard]] Result<std::set<int>> applied_versions(connection& conn);

/// Applies every pending migration in version order; returns how many were applied (0 when the
/// schema is current, so it is safe to call on every start).
[[nodiscard]] Result<int> migrate(connection& conn);

/// Opens a connection with `settings` and migrates it (for `askpro migrate` and start-up).
[[nodiscard]] Result<int> migrate(const config::storage_settings& settings);

}  // namespace askpro::persistence
