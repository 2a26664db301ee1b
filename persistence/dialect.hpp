#pragma once
/// What differs between the SQL of SQLite and of MySQL/MariaDB. Repositories write one query and
/// splice these fragments in, e.g. `"SELECT … FROM staff WHERE id = ?" + d.for_update`.
/// Thread-safety: the two dialect objects are immutable statics; share them freely.

#include <string>
#include <string_view>
#include <vector>

namespace askpro::persistence {

enum class dialect_kind { sqlite, mysql };

struct dialect {
  dialect_kind kind;
  /// "sqlite" or "mysql" (also the migrations folder name).
  std::string_view name;
  /// Row lock suffix for a SELECT inside a transaction: " FOR UPDATE" on MySQL, "" on SQLite
  /// (whose BEGIN IMMEDIATE already holds the single write lock).
  std::string_view for_update;
  /// Appended after `for_update` to skip rows locked by others: " SKIP LOCKED" on MySQL
  /// (MariaDB ≥ 10.6), "" on SQLite.
  std::string_view skip_locked;
  /// "INSERT OR IGNORE" / "INSERT IGNORE" — prefer `on_conflict_do_nothing`, which ignores only
  /// duplicate keys (MySQL's IGNORE also downgrades other errors to warnings).
  std::string_view insert_ignore;
  /// Column definition of a 64-bit auto-increment primary key.
  std::string_view autoincrement_pk;
  /// Column types for long text and raw bytes.
  std::string_view text_type;
  std::string_view blob_type;
  /// SQL expression for the current UTC time as a timestamp.
  std::string_view current_timestamp;
  /// SQL expression for the current UTC time in Unix milliseconds (BIGINT). Application code
  /// normally binds times from the injectable clock instead.
  std::string_view now_millis;
  /// The statement that opens a write transaction ("BEGIN IMMEDIATE" / "START TRANSACTION").
  std::string_view begin_transaction;
  /// Whether DDL can be rolled back (SQLite yes; MySQL commits implicitly on DDL).
  bool transactional_ddl;

  /// Suffix of an INSERT that updates `update_columns` from the proposed row when a row with the
  /// same `conflict_columns` (a unique key) exists. SQLite: " ON CONFLICT (a, b) DO UPDATE SET
  /// x = excluded.x"; MySQL: " ON DUPLICATE KEY UPDATE x = VALUES(x)".
  std::string upsert(const std::vector<std::string>& conflict_columns,
                     const std::vector<std::string>& update_columns) const;
  /// Suffix of an INSERT that silently keeps the existing row on a duplicate of
  /// `conflict_columns` (non-empty). The affected-row count does not tell whether the row
  /// existed (MySQL, with CLIENT_FOUND_ROWS, counts the matched duplicate as 1); when that matters,
  /// run a plain INSERT and treat errc::conflict as "already there".
  std::string on_conflict_do_nothing(const std::vector<std::string>& conflict_columns) const;
};

const dialect& sqlite_dialect();
const dialect& mysql_dialect();

}  // namespace askpro::persistence
