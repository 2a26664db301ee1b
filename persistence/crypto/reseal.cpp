// Sealing what is not sealed with the current key yet, table by table, batch by batch.
#include "persistence/crypto/reseal.hpp"

#include "persistence/crypto/field_cipher.hpp"
#include "persistence/crypto/keyring.hpp"
#include "persistence/crypto/sealed.hpp"
#include "persistence/transaction.hpp"

#include <string>
#include <vector>

namespace askpro::persistence {
namespace {

struct sealed_table {
  const char* name;
  std::vector<const char*> columns;
  const char* number = nullptr;       ///< a number column that also gets its blind index...
  const char* index = nullptr;        ///< ...in this column
  const char* tenant = "company_id";  ///< the column of the tenant sealed for ("0": none)
};

const std::vector<sealed_table>& sealed_tables() {
  static const std::vector<sealed_table> tables{
      {"customers", {"phone_e164", "name", "email", "notes"}, "phone_e164", "phone_index"},
      {"calls",
       {"from_number", "transcript", "transcript_object", "summary", "analysis"},
       "from_number",
       "from_index"},
      {"callback_requests",
       {"phone_e164", "name", "reason", "preferred_time"},
       "phone_e164",
       "phone_index"},
      {"appointments", {"notes"}},
      {"jobs", {"payload"}, nullptr, nullptr, "COALESCE(company_id, 0)"},
      {"webhook_inbox", {"payload"}, nullptr, nullptr, "0"},
  };
  return tables;
}

/// `enc1:<current key>:%` as a LIKE pattern, `!` escaping the id's `_`.
std::string current_pattern(const connection& conn) {
  std::string out = "enc1:";
  for (char c : conn.data_keys()->current().id) {
    if (c == '_' || c == '!' || c == '%') out.push_back('!');
    out.push_back(c);
  }
  return out + ":%";
}

/// The WHERE clause of rows with work left: a field not sealed with the current key, or (for
/// tables with an indexed number) a number without its index. (A number that is not E.164 has
/// no index: such rows are looked at again by every run and left as they are.)
std::string work_clause(const sealed_table& t, const std::string& pattern,
                        std::vector<value>& binds) {
  std::string where;
  for (const auto* col : t.columns) {
    if (!where.empty()) where += " OR ";
    where += std::string{"("} + col + " <> '' AND " + col + " NOT LIKE ? ESCAPE '!')";
    binds.emplace_back(pattern);
  }
  if (t.number)
    where += std::string{" OR ("} + t.number + " IS NOT NULL AND " + t.index + " IS NULL)";
  return "(" + where + ")";
}

/// One row brought up to date; the UPDATE's SET list and binds, empty when nothing changed.
Result<int64_t> reseal_row(connection& conn, const sealed_table& t, const row& r) {
  auto id = r.get<int64_t>("id");
  auto company = r.get<int64_t>("company_id");
  if (!id || !company) return make_error(errc::storage, std::string{t.name} + ": bad row");
  const auto& current = conn.data_keys()->current().id;
  std::string sql = std::string{"UPDATE "} + t.name + " SET id = id";
  std::vector<value> binds;
  int64_t changed = 0;
  for (const auto* col : t.columns) {
    auto stored = r.nullable<std::string>(col);
    if (!stored) return std::move(stored.error());
    if (!*stored || (*stored)->empty()) continue;
    const std::string column = std::string{t.name} + "." + col;
    auto plain = unseal(conn, *company, column, **stored);
    if (!plain) return std::move(plain.error());
    if (t.number && std::string_view{col} == t.number) {
      auto index = caller_index(conn, *company, *plain);
      if (!index) return std::move(index.error());
      if (*index) {
        sql += std::string{", "} + t.index + " = ?";
        binds.emplace_back(std::move(**index));
        ++changed;
      }
    }
    if (sealing_key(**stored) == current) continue;
    auto sealed = seal(conn, *company, column, *plain);
    if (!sealed) return std::move(sealed.error());
    sql += std::string{", "} + col + " = ?";
    binds.emplace_back(std::move(*sealed));
    ++changed;
  }
  if (changed == 0) return int64_t{0};
  binds.emplace_back(*id);
  auto done = conn.execute(sql + " WHERE id = ?", binds);
  if (!done) return std::move(done.error());
  return changed;
}

/// One batch of `t` after `after` (its rows held until commit); the last id seen, 0 when done.
Result<int64_t> reseal_batch(connection& conn, const sealed_table& t, int64_t after, int batch,
                             reseal_report& report) {
  return with_transaction(conn, [&](connection& c) -> Result<int64_t> {
    std::vector<value> binds;
    std::string cols = std::string{"id, "} + t.tenant + " AS company_id";
    for (const auto* col : t.columns) cols += std::string{", "} + col;
    const auto where = work_clause(t, current_pattern(c), binds);
    binds.emplace_back(after);
    binds.emplace_back(batch);
    auto rows =
        c.query(std::string{"SELECT "} + cols + " FROM " + t.name + " WHERE " + where +
                    " AND id > ? ORDER BY id LIMIT ?" + std::string{c.sql_dialect().for_update},
                binds);
    if (!rows) return std::move(rows.error());
    int64_t last = 0;
    for (const auto& r : *rows) {
      auto n = reseal_row(c, t, r);
      if (!n) return std::move(n.error());
      report.values += *n;
      report.rows += *n > 0 ? 1 : 0;
      last = *r.get<int64_t>("id");
    }
    return static_cast<int>(rows->size()) < batch ? int64_t{0} : last;
  });
}

}  // namespace

Result<reseal_report> reseal(connection& conn, int batch) {
  if (!conn.data_keys()) return make_error(errc::storage, "reseal: the connection has no keys");
  reseal_report report;
  for (const auto& t : sealed_tables()) {
    int64_t after = 0;
    do {
      auto last = reseal_batch(conn, t, after, batch, report);
      if (!last) return std::move(last.error());
      after = *last;
    } while (after != 0);
  }
  return report;
}

}  // namespace askpro::persistence
