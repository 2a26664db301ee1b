#pragma once
/// The SQLite driver. Each connection opens the database file in WAL mode with a busy timeout,
/// foreign keys ON and synchronous=FULL (a commit acknowledged to a client survives a process
/// crash and a power loss), creating the file's parent directory when missing. Writers take the
/// lock up front (BEGIN IMMEDIATE); readers on WAL never block the writer.
///
/// Thread-safety: one thread at a time (opened with SQLITE_OPEN_NOMUTEX).
/// Ownership: the connection owns its sqlite3 handle and its cached statements.
/// Errors: see connection.hpp; opening fails with errc::storage (path, permissions, not a
/// database) or errc::unavailable (locked beyond the busy timeout).

#include "persistence/connection.hpp"

#include <chrono>
#include <memory>
#include <string>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace askpro::persistence::sqlite {

struct options {
  /// Readers: PRAGMA query_only, so a write through a read connection fails loudly.
  bool read_only = false;
  std::chrono::milliseconds busy_timeout{5000};
};

class sqlite_connection final : public connection {
 public:
  /// Opens (creating when missing) the database at `path`; ":memory:" opens a private one.
  [[nodiscard]] static Result<std::unique_ptr<connection>> open(const std::string& path,
                                                                const options& opts);
  ~sqlite_connection() override;

  const dialect& sql_dialect() const override { return sqlite_dialect(); }
  Result<result_set> query(std::string_view sql, const std::vector<value>& binds) override;
  Result<int64_t> execute(std::string_view sql, const std::vector<value>& binds) override;
  Result<void> exec(std::string_view sql) override;
  Result<void> begin() override;
  Result<void> commit() override;
  Result<void> rollback() override;
  bool in_transaction() const override;
  Result<int64_t> last_insert_id() override;

 protected:
  Result<void> compile(std::string_view sql) override;

 private:
  explicit sqlite_connection(sqlite3* db) : db_(db) {}
  Result<void> configure(const options& opts);
  Result<void> enable_wal();
  /// The cached prepared statement for `sql`, compiling it on first use.
  Result<sqlite3_stmt*> cached(std::string_view sql);
  /// Binds, steps to completion (collecting rows when `out` is given) and resets.
  Result<void> run(sqlite3_stmt* stmt, const std::vector<value>& binds, result_set* out);
  void clear_cache();

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace askpro::persistence::sqlite
