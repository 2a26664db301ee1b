#include "persistence/sqlite/sqlite_error.hpp"

#include <sqlite3.h>

#include <string>

namespace askpro::persistence::sqlite {

caf::error to_error(sqlite3* db, int rc, std::string_view context) {
  std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  std::string detail = std::string{context} + ": " + message;
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT:
      return make_error(errc::conflict, detail);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return make_error(errc::unavailable, detail + " (busy timeout exceeded)");
    default:
      return make_error(errc::storage, detail + " (sqlite code " + std::to_string(rc) + ")");
  }
}

}  // namespace askpro::persistence::sqlite
