#include "persistence/mysql/mysql_connection.hpp"

#include "persistence/mysql/mysql_error.hpp"
#include "persistence/mysql/mysql_statement.hpp"

#include <cppconn/driver.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <mysql_connection.h>

#include <mutex>

namespace askpro::persistence::mysql {
namespace {

constexpr std::size_t max_cached_statements = 256;

/// get_driver_instance() is not thread-safe on its first call.
sql::Driver* driver() {
  static std::once_flag once;
  static sql::Driver* instance = nullptr;
  std::call_once(once, [] { instance = get_driver_instance(); });
  return instance;
}

sql::ConnectOptionsMap connect_options(const params& p) {
  sql::ConnectOptionsMap opts;
  opts["hostName"] = sql::SQLString{"tcp://" + p.host + ":" + std::to_string(p.port)};
  opts["userName"] = sql::SQLString{p.user};
  opts["password"] = sql::SQLString{p.password};
  if (!p.database.empty()) opts["schema"] = sql::SQLString{p.database};
  opts["OPT_CHARSET_NAME"] = sql::SQLString{"utf8mb4"};
  opts["OPT_CONNECT_TIMEOUT"] = static_cast<int>(p.connect_timeout.count());
  opts["OPT_READ_TIMEOUT"] = static_cast<int>(p.io_timeout.count());
  opts["OPT_WRITE_TIMEOUT"] = static_cast<int>(p.io_timeout.count());
  opts["OPT_RECONNECT"] = false;  // reconnecting is ours: silent ones lose session state
  opts["CLIENT_FOUND_ROWS"] = true;
  opts["CLIENT_MULTI_STATEMENTS"] = false;
  return opts;
}

std::string session_setup(const params& p) {
  return "SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci, time_zone = '+00:00', "
         "sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
         "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION', innodb_lock_wait_timeout = " +
         std::to_string(p.lock_wait_timeout.count());
}

}  // namespace

mysql_connection::mysql_connection(params p) : params_(std::move(p)) {}

mysql_connection::~mysql_connection() {
  drop_session();
}

Result<std::unique_ptr<connection>> mysql_connection::open(const params& p) {
  std::unique_ptr<mysql_connection> conn{new mysql_connection{p}};
  if (auto ok = conn->connect(); !ok) return std::move(ok.error());
  return std::unique_ptr<connection>{std::move(conn)};
}

template <class F>
auto mysql_connection::guarded(std::string_view sql, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const sql::SQLException& e) {
    if (is_connection_lost(e.getErrorCode())) drop_session();
    return to_error(e.getErrorCode(), e.what(), sql);
  } catch (const std::exception& e) {
    return make_error(errc::storage, std::string{"mysql: "} + e.what());
  }
}

void mysql_connection::drop_session() {
  cache_.clear();
  try {
    conn_.reset();
  } catch (...) {  // a dead session may complain while closing; it is gone either way
  }
  if (in_tx_) tx_lost_ = true;
  in_tx_ = false;
}

Result<void> mysql_connection::connect() {
  drop_session();
  auto ok = guarded("", [&]() -> Result<void> {
    auto opts = connect_options(params_);
    conn_.reset(driver()->connect(opts));
    conn_->setAutoCommit(true);
    std::unique_ptr<sql::Statement> st{conn_->createStatement()};
    st->execute(session_setup(params_));
    last_used_ = std::chrono::steady_clock::now();
    return caf::unit;
  });
  if (!ok) drop_session();  // never keep a session whose set-up failed
  return ok;
}

Result<void> mysql_connection::ready() {
  if (tx_lost_)
    return make_error(errc::unavailable, "mysql: connection lost inside a transaction; roll back");
  auto now = std::chrono::steady_clock::now();
  bool idle = now - last_used_ > params_.validate_after;
  last_used_ = now;
  if (in_tx_) return caf::unit;
  bool alive = conn_ != nullptr;
  if (alive && idle) {
    auto valid = guarded("", [&]() -> Result<bool> { return conn_->isValid(); });
    alive = valid && *valid;
  }
  if (alive) return caf::unit;
  ++reconnects_;
  return connect();
}

Result<sql::PreparedStatement*> mysql_connection::cached(std::string_view sql) {
  std::string key{sql};
  if (auto it = cache_.find(key); it != cache_.end()) return it->second.get();
  return guarded(sql, [&]() -> Result<sql::PreparedStatement*> {
    std::unique_ptr<sql::PreparedStatement> ps{conn_->prepareStatement(sql::SQLString{key})};
    if (cache_.size() >= max_cached_statements) cache_.clear();
    return cache_.emplace(std::move(key), std::move(ps)).first->second.get();
  });
}

Result<void> mysql_connection::compile(std::string_view sql) {
  if (auto ok = ready(); !ok) return ok;
  auto ps = cached(sql);
  if (!ps) return std::move(ps.error());
  return caf::unit;
}

Result<result_set> mysql_connection::query_once(std::string_view sql,
                                                const std::vector<value>& binds) {
  if (auto ok = ready(); !ok) return std::move(ok.error());
  return run_query(sql, binds);
}

Result<result_set> mysql_connection::run_query(std::string_view sql,
                                               const std::vector<value>& binds) {
  auto ps = cached(sql);
  if (!ps) return std::move(ps.error());
  return guarded(sql, [&]() -> Result<result_set> {
    blob_streams streams;
    if (!bind_values(**ps, binds, streams))
      return make_error(errc::invalid_argument, "parameter count mismatch");
    std::unique_ptr<sql::ResultSet> rs{(*ps)->executeQuery()};
    return read_rows(*rs);
  });
}

Result<result_set> mysql_connection::query(std::string_view sql, const std::vector<value>& binds) {
  bool retry_on_loss = !in_transaction() && conn_ != nullptr;
  auto out = query_once(sql, binds);
  if (out || !retry_on_loss || conn_ != nullptr) return out;
  return query_once(sql, binds);  // the session was lost mid-read: safe to repeat once
}

Result<int64_t> mysql_connection::execute(std::string_view sql, const std::vector<value>& binds) {
  if (auto ok = ready(); !ok) return std::move(ok.error());
  auto ps = cached(sql);
  if (!ps) return std::move(ps.error());
  return guarded(sql, [&]() -> Result<int64_t> {
    blob_streams streams;
    if (!bind_values(**ps, binds, streams))
      return make_error(errc::invalid_argument, "parameter count mismatch");
    return static_cast<int64_t>((*ps)->executeUpdate());
  });
}

Result<void> mysql_connection::exec_raw(std::string_view sql) {
  return guarded(sql, [&]() -> Result<void> {
    std::unique_ptr<sql::Statement> st{conn_->createStatement()};
    st->execute(sql::SQLString{std::string{sql}});
    return caf::unit;
  });
}

Result<void> mysql_connection::exec(std::string_view sql) {
  if (auto ok = ready(); !ok) return ok;
  return exec_raw(sql);
}

Result<void> mysql_connection::begin() {
  if (in_transaction()) return make_error(errc::invalid_argument, "a transaction is already open");
  if (auto ok = ready(); !ok) return ok;
  auto ok = exec_raw(mysql_dialect().begin_transaction);
  in_tx_ = static_cast<bool>(ok);
  return ok;
}

Result<void> mysql_connection::commit() {
  if (tx_lost_) return make_error(errc::unavailable, "mysql: connection lost inside a transaction");
  if (!in_tx_) return make_error(errc::invalid_argument, "no transaction is open");
  auto ok = exec_raw("COMMIT");
  if (ok) in_tx_ = false;
  return ok;
}

Result<void> mysql_connection::rollback() {
  if (tx_lost_ || !in_tx_) {
    tx_lost_ = false;
    return caf::unit;
  }
  auto ok = exec_raw("ROLLBACK");
  in_tx_ = false;
  tx_lost_ = false;
  return ok;
}

Result<int64_t> mysql_connection::last_insert_id() {
  // Session state: never on a rebuilt session, where it would silently read 0.
  if (!conn_) return make_error(errc::unavailable, "mysql: session lost; last insert id unknown");
  auto rs = run_query("SELECT LAST_INSERT_ID()", {});
  if (!rs) return std::move(rs.error());
  if (rs->empty()) return make_error(errc::storage, "LAST_INSERT_ID() returned no row");
  return (*rs)[0].get<int64_t>(0);
}

}  // namespace askpro::persistence::mysql
