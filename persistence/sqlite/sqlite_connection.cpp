#include "persistence/sqlite/sqlite_connection.hpp"

#include "persistence/sql_text.hpp"
#include "persistence/sqlite/sqlite_error.hpp"
#include "persistence/sqlite/sqlite_statement.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <system_error>

namespace askpro::persistence::sqlite {
namespace {

constexpr std::size_t max_cached_statements = 256;

bool is_memory(const std::string& path) {
  return path == ":memory:" || path.empty();
}

Result<void> create_parent_directory(const std::string& path) {
  if (is_memory(path)) return caf::unit;
  auto parent = std::filesystem::path{path}.parent_path();
  if (parent.empty()) return caf::unit;
  std::error_code ec;
  std::filesystem::create_directories(parent, ec);
  if (ec)
    return make_error(errc::storage, "cannot create " + parent.string() + ": " + ec.message());
  return caf::unit;
}

/// Compiles exactly one statement (errors: none, or more than one).
Result<sqlite3_stmt*> compile_one(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &stmt, &tail);
  if (rc != SQLITE_OK) return to_error(db, rc, sql_excerpt(sql));
  if (stmt == nullptr) return make_error(errc::invalid_argument, "empty SQL statement");
  if (tail != nullptr && !sql_excerpt(tail).empty()) {
    sqlite3_finalize(stmt);
    return make_error(errc::invalid_argument, "one statement at a time: " + sql_excerpt(sql));
  }
  return stmt;
}

}  // namespace

Result<std::unique_ptr<connection>> sqlite_connection::open(const std::string& path,
                                                            const options& opts) {
  if (auto ok = create_parent_directory(path); !ok) return std::move(ok.error());
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(is_memory(path) ? ":memory:" : path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    auto err = to_error(db, rc, "open " + path);
    sqlite3_close_v2(db);
    return err;
  }
  std::unique_ptr<sqlite_connection> conn{new sqlite_connection{db}};
  if (auto ok = conn->configure(opts); !ok) return std::move(ok.error());
  return std::unique_ptr<connection>{std::move(conn)};
}

Result<void> sqlite_connection::configure(const options& opts) {
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, static_cast<int>(opts.busy_timeout.count()));
  if (!opts.read_only) {
    if (auto ok = enable_wal(); !ok) return ok;
  }
  for (const char* pragma : {"PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"})
    if (auto ok = exec(pragma); !ok) return ok;
  if (opts.read_only) return exec("PRAGMA query_only=ON");
  return caf::unit;
}

Result<void> sqlite_connection::enable_wal() {
  auto mode = query("PRAGMA journal_mode=WAL", {});
  if (!mode) return std::move(mode.error());
  const char* file = sqlite3_db_filename(db_, "main");
  if (file == nullptr || *file == '\0') return caf::unit;  // in-memory: no WAL
  auto name = mode->empty() ? Result<std::string>{std::string{}} : (*mode)[0].get<std::string>(0);
  if (!name || *name != "wal")
    return make_error(errc::storage, "sqlite: cannot switch the journal to WAL");
  return caf::unit;
}

sqlite_connection::~sqlite_connection() {
  clear_cache();
  sqlite3_close_v2(db_);
}

void sqlite_connection::clear_cache() {
  for (auto& entry : cache_) sqlite3_finalize(entry.second);
  cache_.clear();
}

Result<sqlite3_stmt*> sqlite_connection::cached(std::string_view sql) {
  std::string key{sql};
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  auto stmt = compile_one(db_, key);
  if (!stmt) return stmt;
  if (cache_.size() >= max_cached_statements) clear_cache();
  cache_.emplace(std::move(key), *stmt);
  return stmt;
}

Result<void> sqlite_connection::run(sqlite3_stmt* stmt, const std::vector<value>& binds,
                                    result_set* out) {
  if (auto ok = bind_values(db_, stmt, binds); !ok) return ok;
  return step_all(db_, stmt, out);
}

Result<void> sqlite_connection::compile(std::string_view sql) {
  auto stmt = cached(sql);
  if (!stmt) return std::move(stmt.error());
  return caf::unit;
}

Result<result_set> sqlite_connection::query(std::string_view sql, const std::vector<value>& binds) {
  auto stmt = cached(sql);
  if (!stmt) return std::move(stmt.error());
  result_set out;
  if (auto ok = run(*stmt, binds, &out); !ok) return std::move(ok.error());
  return out;
}

Result<int64_t> sqlite_connection::execute(std::string_view sql, const std::vector<value>& binds) {
  auto stmt = cached(sql);
  if (!stmt) return std::move(stmt.error());
  if (auto ok = run(*stmt, binds, nullptr); !ok) return std::move(ok.error());
  return static_cast<int64_t>(sqlite3_changes64(db_));
}

Result<void> sqlite_connection::exec(std::string_view sql) {
  auto stmt = compile_one(db_, std::string{sql});
  if (!stmt) return std::move(stmt.error());
  auto ok = step_all(db_, *stmt, nullptr);
  sqlite3_finalize(*stmt);
  return ok;
}

Result<void> sqlite_connection::begin() {
  if (in_transaction()) return make_error(errc::invalid_argument, "a transaction is already open");
  return exec(sqlite_dialect().begin_transaction);
}

Result<void> sqlite_connection::commit() {
  if (!in_transaction()) return make_error(errc::invalid_argument, "no transaction is open");
  return exec("COMMIT");
}

Result<void> sqlite_connection::rollback() {
  if (!in_transaction()) return caf::unit;
  return exec("ROLLBACK");
}

bool sqlite_connection::in_transaction() const {
  return sqlite3_get_autocommit(db_) == 0;
}

Result<int64_t> sqlite_connection::last_insert_id() {
  return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
}

}  // namespace askpro::persistence::sqlite
