#pragma once
/// The MySQL/MariaDB driver over Connector/C++ 1.1. A session speaks utf8mb4, runs in strict
/// SQL mode with UTC time, autocommit on outside transactions, reports matched rows as affected
/// rows (CLIENT_FOUND_ROWS) and waits at most `lock_wait_timeout` for row locks.
///
/// Reconnects: a lost session (server gone, killed, restarted) is rebuilt before the next
/// statement outside a transaction, and a session idle for a while is pinged first. A `query`
/// outside a transaction that loses the session is retried once on a fresh one (reads are safe
/// to repeat); an `execute` is not (the server may have applied it) and reports
/// errc::unavailable. A transaction whose session is lost fails every further statement with
/// errc::unavailable until it is rolled back.
///
/// Thread-safety: one thread at a time. Ownership: owns its sql::Connection and cached
/// statements. Errors: see connection.hpp; Connector/C++ exceptions never escape.

#include "config/settings.hpp"
#include "persistence/connection.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

namespace sql {
class Connection;
class PreparedStatement;
}  // namespace sql

namespace askpro::persistence::mysql {

struct params {
  std::string host = "127.0.0.1";
  uint16_t port = 3306;
  std::string user;
  std::string password;
  std::string database;  ///< empty: no default schema
  std::chrono::seconds connect_timeout{5};
  std::chrono::seconds io_timeout{60};             ///< read/write timeout of one round trip
  std::chrono::seconds lock_wait_timeout{5};       ///< innodb_lock_wait_timeout of the session
  std::chrono::milliseconds validate_after{2000};  ///< ping before use after this idle time
};

/// The connection parameters named by the `[storage]` settings.
inline params params_of(const config::storage_settings& s) {
  params p;
  p.host = s.mysql_host;
  p.port = s.mysql_port;
  p.user = s.mysql_user;
  p.password = s.mysql_password;
  p.database = s.mysql_database;
  return p;
}

class mysql_connection final : public connection {
 public:
  /// Connects now. Errors: errc::unavailable when the server cannot be reached or refuses.
  [[nodiscard]] static Result<std::unique_ptr<connection>> open(const params& p);
  ~mysql_connection() override;

  const dialect& sql_dialect() const override { return mysql_dialect(); }
  Result<result_set> query(std::string_view sql, const std::vector<value>& binds) override;
  Result<int64_t> execute(std::string_view sql, const std::vector<value>& binds) override;
  Result<void> exec(std::string_view sql) override;
  Result<void> begin() override;
  Result<void> commit() override;
  Result<void> rollback() override;
  bool in_transaction() const override { return in_tx_ || tx_lost_; }
  Result<int64_t> last_insert_id() override;

  /// Number of times the session was rebuilt after it was lost.
  int reconnects() const { return reconnects_; }

 protected:
  Result<void> compile(std::string_view sql) override;

 private:
  explicit mysql_connection(params p);
  Result<void> connect();
  /// Before a statement: refuses inside a lost transaction; outside a transaction rebuilds a
  /// lost session and pings an idle one.
  Result<void> ready();
  Result<sql::PreparedStatement*> cached(std::string_view sql);
  Result<result_set> query_once(std::string_view sql, const std::vector<value>& binds);
  /// Runs a query on the current session as it is (no reconnect).
  Result<result_set> run_query(std::string_view sql, const std::vector<value>& binds);
  Result<void> exec_raw(std::string_view sql);
  /// Runs `f` (returning Result<T>), converting exceptions; marks the session lost when the
  /// error says so.
  template <class F>
  auto guarded(std::string_view sql, F&& f) -> decltype(f());
  void drop_session();

  params params_;
  std::unique_ptr<sql::Connection> conn_;
  std::unordered_map<std::string, std::unique_ptr<sql::PreparedStatement>> cache_;
  bool in_tx_ = false;
  bool tx_lost_ = false;
  int reconnects_ = 0;
  std::chrono::steady_clock::time_point last_used_{};
};

}  // namespace askpro::persistence::mysql
