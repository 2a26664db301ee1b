// The blind index key's check value, recorded once and compared at every start.
#include "persistence/crypto/key_check.hpp"

#include "persistence/crypto/sealed.hpp"

namespace askpro::persistence {

Result<void> check_data_keys(connection& conn) {
  auto mine = phone_key(conn, 0, "askpro key check");
  if (!mine) return std::move(mine.error());
  auto rec = conn.execute("INSERT INTO key_checks (name, value) VALUES ('blind_index', ?)" +
                              conn.sql_dialect().on_conflict_do_nothing({"name"}),
                          {*mine});
  if (!rec) return std::move(rec.error());
  auto rs = conn.query("SELECT value FROM key_checks WHERE name = 'blind_index'");
  if (!rs) return std::move(rs.error());
  if (rs->empty()) return make_error(errc::storage, "key_checks: row vanished after insert");
  auto stored = (*rs)[0].get<std::string>("value");
  if (!stored) return std::move(stored.error());
  if (*stored != *mine)
    return make_error(errc::config,
                      "the data keys are not this database's: its personal data was sealed and "
                      "indexed with other keys (every node on one database needs the same "
                      "security.encryption_keys and security.blind_index_key)");
  return caf::unit;
}

}  // namespace askpro::persistence
