#include "persistence/sqlite/sqlite_statement.hpp"

#include "persistence/sql_text.hpp"
#include "persistence/sqlite/sqlite_error.hpp"

#include <sqlite3.h>

#include <string>

namespace askpro::persistence::sqlite {
namespace {

int bind_one(sqlite3_stmt* stmt, int index, const value& v) {
  switch (v.type()) {
    case value_type::null:
      return sqlite3_bind_null(stmt, index);
    case value_type::integer:
      return sqlite3_bind_int64(stmt, index, *v.if_integer());
    case value_type::real:
      return sqlite3_bind_double(stmt, index, *v.if_real());
    case value_type::text: {
      const auto& s = *v.if_text();
      return sqlite3_bind_text64(stmt, index, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    }
    case value_type::blob: {
      const auto& b = *v.if_blob();
      if (b.empty()) return sqlite3_bind_zeroblob(stmt, index, 0);
      return sqlite3_bind_blob64(stmt, index, b.data(), b.size(), SQLITE_TRANSIENT);
    }
  }
  return SQLITE_MISUSE;
}

value read_column(sqlite3_stmt* stmt, int i) {
  switch (sqlite3_column_type(stmt, i)) {
    case SQLITE_INTEGER:
      return value{static_cast<int64_t>(sqlite3_column_int64(stmt, i))};
    case SQLITE_FLOAT:
      return value{sqlite3_column_double(stmt, i)};
    case SQLITE_TEXT: {
      auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
      return value{std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt, i)))};
    }
    case SQLITE_BLOB: {
      auto* p = static_cast<const uint8_t*>(sqlite3_column_blob(stmt, i));
      auto n = static_cast<std::size_t>(sqlite3_column_bytes(stmt, i));
      return p != nullptr ? value{bytes(p, p + n)} : value{bytes{}};
    }
    default:
      return value{};
  }
}

column_names read_column_names(sqlite3_stmt* stmt) {
  auto names = std::make_shared<std::vector<std::string>>();
  int n = sqlite3_column_count(stmt);
  for (int i = 0; i < n; ++i) {
    const char* name = sqlite3_column_name(stmt, i);
    names->emplace_back(name != nullptr ? name : "");
  }
  return names;
}

}  // namespace

Result<void> bind_values(sqlite3* db, sqlite3_stmt* stmt, const std::vector<value>& binds) {
  sqlite3_clear_bindings(stmt);
  int expected = sqlite3_bind_parameter_count(stmt);
  if (expected != static_cast<int>(binds.size()))
    return make_error(errc::invalid_argument, "statement expects " + std::to_string(expected) +
                                                  " parameters, got " +
                                                  std::to_string(binds.size()));
  for (int i = 0; i < expected; ++i) {
    if (int rc = bind_one(stmt, i + 1, binds[static_cast<std::size_t>(i)]); rc != SQLITE_OK)
      return to_error(db, rc, "bind parameter " + std::to_string(i + 1));
  }
  return caf::unit;
}

Result<void> step_all(sqlite3* db, sqlite3_stmt* stmt, result_set* out) {
  column_names names = out != nullptr ? read_column_names(stmt) : nullptr;
  std::vector<row> rows;
  int rc = sqlite3_step(stmt);
  for (; rc == SQLITE_ROW; rc = sqlite3_step(stmt)) {
    if (out == nullptr) continue;
    std::vector<value> values;
    int n = sqlite3_column_count(stmt);
    values.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) values.push_back(read_column(stmt, i));
    rows.emplace_back(names, std::move(values));
  }
  caf::error err =
      rc == SQLITE_DONE ? caf::error{} : to_error(db, rc, sql_excerpt(sqlite3_sql(stmt)));
  sqlite3_reset(stmt);
  if (err) return err;
  if (out != nullptr) *out = result_set{std::move(names), std::move(rows)};
  return caf::unit;
}

}  // namespace askpro::persistence::sqlite
