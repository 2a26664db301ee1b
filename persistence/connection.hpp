#pragma once
/// The database interface: one `connection` per thread of use, implemented by the SQLite and
/// MySQL drivers (persistence/sqlite, persistence/mysql) and opened through `open()` in
/// database.hpp.
///
/// Thread-safety: a connection and its statements are NOT thread-safe; use each from one thread
/// at a time (the persistence actors own one connection each).
/// Ownership: a `statement` refers to its connection and must not outlive it. Prepared handles
/// are cached per connection by SQL text, so preparing the same SQL again is cheap.
/// Errors (every call returns Result, no exception escapes):
///   errc::conflict     a UNIQUE / PRIMARY KEY / FOREIGN KEY / NOT NULL / CHECK violation
///   errc::unavailable  busy or locked beyond the busy timeout, lock wait timeout, deadlock,
///                      lost or refused server connection (the next call reconnects)
///   errc::invalid_argument  misuse (commit without begin, nested begin, bind count mismatch)
///   errc::storage      anything else the database reports (syntax, I/O, …)
/// Details name tables, columns and keys, never bound values.

#include "persistence/dialect.hpp"
#include "persistence/row.hpp"
#include "persistence/value.hpp"
#include "runtime/error.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace askpro::persistence {

class connection;
class keyring;

/// A prepared statement with positional `?` parameters bound in order.
class statement {
 public:
  statement(connection& conn, std::string sql) : conn_(&conn), sql_(std::move(sql)) {}

  /// Binds the next parameter: nullptr / value{} (NULL), any integer, double, text, bytes.
  statement& bind(value v) {
    binds_.push_back(std::move(v));
    return *this;
  }
  statement& bind_null() { return bind(value{}); }
  /// Forgets all bound values (to run the statement again with new ones).
  void clear_bindings() { binds_.clear(); }

  /// Runs a statement that returns rows.
  [[nodiscard]] Result<result_set> query();
  /// Runs a statement that returns no rows; yields the number of affected rows.
  [[nodiscard]] Result<int64_t> execute();

  const std::string& sql() const { return sql_; }

 private:
  connection* conn_;
  std::string sql_;
  std::vector<value> binds_;
};

class connection {
 public:
  virtual ~connection() = default;

  /// The SQL dialect of this connection.
  virtual const dialect& sql_dialect() const = 0;

  /// Compiles `sql` (checking it now) and returns a statement to bind and run.
  [[nodiscard]] Result<statement> prepare(std::string_view sql);

  /// Runs a statement that returns rows, binding `binds` to its `?` in order.
  [[nodiscard]] virtual Result<result_set> query(std::string_view sql,
                                                 const std::vector<value>& binds = {}) = 0;
  /// Runs a statement that returns no rows; yields the number of affected rows (rows matched
  /// by an UPDATE's WHERE clause, on both drivers).
  [[nodiscard]] virtual Result<int64_t> execute(std::string_view sql,
                                                const std::vector<value>& binds = {}) = 0;
  /// Runs one statement without parameters and without caching it (DDL, SET, PRAGMA).
  [[nodiscard]] virtual Result<void> exec(std::string_view sql) = 0;

  /// Transactions; prefer the RAII `transaction` guard (transaction.hpp). `begin` opens a write
  /// transaction (SQLite: BEGIN IMMEDIATE, so the write lock is taken up front).
  [[nodiscard]] virtual Result<void> begin() = 0;
  [[nodiscard]] virtual Result<void> commit() = 0;
  [[nodiscard]] virtual Result<void> rollback() = 0;
  virtual bool in_transaction() const = 0;

  /// The auto-increment id of the last row this connection inserted.
  [[nodiscard]] virtual Result<int64_t> last_insert_id() = 0;

  /// `SELECT 1`: succeeds when the database answers.
  [[nodiscard]] Result<void> ping();

  /// The keys the repositories seal and open personal data with (crypto/sealed.hpp); null
  /// when none were given, and then every read or write of such a field fails.
  const keyring* data_keys() const { return keys_.get(); }
  void set_data_keys(std::shared_ptr<const keyring> keys) { keys_ = std::move(keys); }

 protected:
  /// Compiles and caches `sql` (used by `prepare`).
  [[nodiscard]] virtual Result<void> compile(std::string_view sql) = 0;

 private:
  std::shared_ptr<const keyring> keys_;
};

}  // namespace askpro::persistence
