#pragma once
/// RAII transaction guard: begins on creation, rolls back on destruction unless committed.
///
///   auto tx = transaction::begin(conn);
///   if (!tx) return tx.error();
///   … statements on conn …
///   return tx->commit();
///
/// Thread-safety: as the connection (one thread at a time). Ownership: borrows the connection,
/// which must outlive the guard. Errors: those of connection::begin/commit/rollback; a rollback
/// failing in the destructor is logged (not thrown) — the driver then discards the connection
/// state, so no half-finished transaction stays open.

#include "persistence/connection.hpp"

#include <type_traits>
#include <utility>

namespace askpro::persistence {

class transaction {
 public:
  /// Opens a transaction on `conn` (SQLite: BEGIN IMMEDIATE; MySQL: START TRANSACTION).
  [[nodiscard]] static Result<transaction> begin(connection& conn);

  transaction(transaction&& other) noexcept : conn_(std::exchange(other.conn_, nullptr)) {}
  transaction& operator=(transaction&&) = delete;
  transaction(const transaction&) = delete;
  transaction& operator=(const transaction&) = delete;
  ~transaction();

  /// Commits; afterwards the guard is inactive. On failure the transaction is rolled back.
  [[nodiscard]] Result<void> commit();
  /// Rolls back explicitly; afterwards the guard is inactive.
  [[nodiscard]] Result<void> rollback();
  bool active() const { return conn_ != nullptr; }

 private:
  explicit transaction(connection& conn) : conn_(&conn) {}
  connection* conn_;
};

/// Runs `fn(conn)` (returning Result<T>) inside a transaction: commits when it succeeds, rolls
/// back when it returns an error. Yields fn's value, or the first error.
template <class F>
auto with_transaction(connection& conn, F&& fn) -> decltype(fn(conn)) {
  auto tx = transaction::begin(conn);
  if (!tx) return std::move(tx.error());
  auto out = fn(conn);
  if (!out) return out;
  if (auto committed = tx->commit(); !committed) return std::move(committed.error());
  return out;
}

}  // namespace askpro::persistence
