#include "persistence/dialect.hpp"

namespace askpro::persistence {
namespace {

std::string join(const std::vector<std::string>& items, const char* prefix, const char* sep,
                 std::string (*render)(const std::string&)) {
  std::string out = prefix;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += sep;
    out += render(items[i]);
  }
  return out;
}

std::string plain(const std::string& c) {
  return c;
}
std::string from_excluded(const std::string& c) {
  return c + " = excluded." + c;
}
std::string from_values(const std::string& c) {
  return c + " = VALUES(" + c + ")";
}

}  // namespace

std::string dialect::upsert(const std::vector<std::string>& conflict_columns,
                            const std::vector<std::string>& update_columns) const {
  if (update_columns.empty()) return on_conflict_do_nothing(conflict_columns);
  if (kind == dialect_kind::mysql)
    return join(update_columns, " ON DUPLICATE KEY UPDATE ", ", ", from_values);
  return join(conflict_columns, " ON CONFLICT (", ", ", plain) +
         join(update_columns, ") DO UPDATE SET ", ", ", from_excluded);
}

std::string dialect::on_conflict_do_nothing(
    const std::vector<std::string>& conflict_columns) const {
  if (kind == dialect_kind::mysql) {
    const std::string& c = conflict_columns.front();
    return " ON DUPLICATE KEY UPDATE " + c + " = " + c;
  }
  return join(conflict_columns, " ON CONFLICT (", ", ", plain) + ") DO NOTHING";
}

const dialect& sqlite_dialect() {
  static const dialect d{dialect_kind::sqlite,
                         "sqlite",
                         "",
                         "",
                         "INSERT OR IGNORE",
                         "INTEGER PRIMARY KEY AUTOINCREMENT",
                         "TEXT",
                         "BLOB",
                         "CURRENT_TIMESTAMP",
                         "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)",
                         "BEGIN IMMEDIATE",
                         true};
  return d;
}

const dialect& mysql_dialect() {
  static const dialect d{dialect_kind::mysql, "mysql",
                         " FOR UPDATE",       " SKIP LOCKED",
                         "INSERT IGNORE",     "BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY",
                         "LONGTEXT",          "LONGBLOB",
                         "CURRENT_TIMESTAMP", "CAST(UNIX_TIMESTAMP(NOW(6)) * 1000 AS SIGNED)",
                         "START TRANSACTION", false};
  return d;
}

}  // namespace askpro::persistence
