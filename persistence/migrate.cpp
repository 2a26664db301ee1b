#include "persistence/migrate.hpp"

#include "persistence/database.hpp"
#include "persistence/migrations/embedded.hpp"
#include "persistence/sql_text.hpp"
#include "persistence/transaction.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>

namespace askpro::persistence {
namespace {

Result<migration> parse(const migrations::embedded_file& file) {
  auto name = file.file_name;
  auto underscore = name.find('_');
  auto dot = name.rfind(".sql");
  if (underscore == 0 || underscore == std::string_view::npos || dot == std::string_view::npos)
    return make_error(errc::internal, "malformed migration file name " + std::string{name});
  migration m;
  for (char c : name.substr(0, underscore)) {
    if (!std::isdigit(static_cast<unsigned char>(c)))
      return make_error(errc::internal, "malformed migration version in " + std::string{name});
    m.version = m.version * 10 + (c - '0');
  }
  m.name = std::string{name.substr(underscore + 1, dot - underscore - 1)};
  m.sql = file.text;
  return m;
}

std::string label(const migration& m) {
  char number[16];
  std::snprintf(number, sizeof number, "%04d", m.version);
  return std::string{number} + "_" + m.name;
}

caf::error in_migration(const migration& m, const caf::error& err) {
  auto code = code_of(err).value_or(errc::storage);
  return make_error(code, label(m) + ": " + describe(err));
}

Result<bool> table_exists(connection& conn, const std::string& table) {
  bool mysql = conn.sql_dialect().kind == dialect_kind::mysql;
  auto rs = conn.query(mysql ? "SELECT table_name FROM information_schema.tables "
                               "WHERE table_schema = DATABASE() AND table_name = ?"
                             : "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?",
                       {table});
  if (!rs) return std::move(rs.error());
  return !rs->empty();
}

Result<void> run_statements(connection& conn, const migration& m) {
  bool mysql = conn.sql_dialect().kind == dialect_kind::mysql;
  auto statements = split_statements(m.sql, split_options{mysql, mysql});
  if (!statements) return std::move(statements.error());
  for (const auto& sql : *statements)
    if (auto ok = conn.exec(sql); !ok) return ok;
  std::string record = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, " +
                       std::string{conn.sql_dialect().now_millis} + ")";
  auto inserted = conn.execute(record, {m.version, m.name});
  if (!inserted) return std::move(inserted.error());
  return caf::unit;
}

/// Applies `m` in one transaction unless another migrator applied it first; true if applied.
Result<bool> apply_in_transaction(connection& conn, const migration& m) {
  return with_transaction(conn, [&](connection& c) -> Result<bool> {
    auto applied = applied_versions(c);
    if (!applied) return std::move(applied.error());
    if (applied->count(m.version) > 0) return false;
    if (auto ok = run_statements(c, m); !ok) return std::move(ok.error());
    return true;
  });
}

Result<int> apply_pending(connection& conn, const std::vector<migration>& all) {
  auto applied = applied_versions(conn);
  if (!applied) return std::move(applied.error());
  int count = 0;
  for (const auto& m : all) {
    if (applied->count(m.version) > 0) continue;
    Result<bool> done = true;
    if (conn.sql_dialect().transactional_ddl) {
      done = apply_in_transaction(conn, m);
    } else if (auto ok = run_statements(conn, m); !ok) {
      done = std::move(ok.error());
    }
    if (!done) return in_migration(m, done.error());
    if (*done) spdlog::info("applied migration {} ({})", label(m), conn.sql_dialect().name);
    count += *done ? 1 : 0;
  }
  return count;
}

/// MySQL: holds a per-database advisory lock around `fn` so concurrent nodes migrate in turn.
template <class F>
Result<int> with_migration_lock(connection& conn, F fn) {
  if (conn.sql_dialect().kind != dialect_kind::mysql) return fn();
  auto lock = conn.query("SELECT GET_LOCK(CONCAT('askpro_migrate.', DATABASE()), 60)");
  if (!lock) return std::move(lock.error());
  auto got = lock->empty() ? Result<int64_t>{int64_t{0}} : (*lock)[0].get<int64_t>(0);
  if (!got || *got != 1)
    return make_error(errc::unavailable, "another node holds the migration lock");
  auto out = fn();
  (void)conn.query("SELECT RELEASE_LOCK(CONCAT('askpro_migrate.', DATABASE()))");
  return out;
}

}  // namespace

Result<std::vector<migration>> migrations_for(dialect_kind kind) {
  std::string_view folder = kind == dialect_kind::mysql ? "mysql" : "sqlite";
  std::vector<migration> out;
  for (const auto& file : migrations::embedded_files()) {
    if (file.dialect != folder) continue;
    auto m = parse(file);
    if (!m) return std::move(m.error());
    out.push_back(std::move(*m));
  }
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.version < b.version; });
  for (std::size_t i = 1; i < out.size(); ++i)
    if (out[i].version == out[i - 1].version)
      return make_error(errc::internal, "duplicate migration version " + label(out[i]));
  return out;
}

Result<std::set<int>> applied_versions(connection& conn) {
  auto exists = table_exists(conn, "schema_migrations");
  if (!exists) return std::move(exists.error());
  std::set<int> out;
  if (!*exists) return out;
  auto rs = conn.query("SELECT version FROM schema_migrations");
  if (!rs) return std::move(rs.error());
  for (const auto& r : *rs) {
    auto v = r.get<int>(0);
    if (!v) return std::move(v.error());
    out.insert(*v);
  }
  return out;
}

Result<int> migrate(connection& conn) {
  auto all = migrations_for(conn.sql_dialect().kind);
  if (!all) return std::move(all.error());
  return with_migration_lock(conn, [&] { return apply_pending(conn, *all); });
}

Result<int> migrate(const config::storage_settings& settings) {
  auto conn = open(settings);
  if (!conn) return std::move(conn.error());
  return migrate(**conn);
}

}  // namespace askpro::persistence
