#include "persistence/mysql/mysql_error.hpp"

#include "persistence/sql_text.hpp"

#include <algorithm>
#include <array>

namespace askpro::persistence::mysql {
namespace {

constexpr std::array<int, 10> conflict_codes{
    1062,  // ER_DUP_ENTRY
    1586,  // ER_DUP_ENTRY_WITH_KEY_NAME
    1169,  // ER_DUP_UNIQUE
    1216,  // ER_NO_REFERENCED_ROW
    1217,  // ER_ROW_IS_REFERENCED
    1451,  // ER_ROW_IS_REFERENCED_2
    1452,  // ER_NO_REFERENCED_ROW_2
    1048,  // ER_BAD_NULL_ERROR
    1364,  // ER_NO_DEFAULT_FOR_FIELD (NOT NULL column left out)
    4025,  // ER_CONSTRAINT_FAILED (CHECK)
};

constexpr std::array<int, 12> lost_codes{
    2002, 2003, 2005,  // cannot connect
    2006,              // CR_SERVER_GONE_ERROR
    2013,              // CR_SERVER_LOST
    2014,              // CR_COMMANDS_OUT_OF_SYNC
    2055,              // CR_SERVER_LOST_EXTENDED
    1053,              // ER_SERVER_SHUTDOWN
    1152, 1158, 1159,  // aborted / network read errors
    1927,              // ER_CONNECTION_KILLED
};

constexpr std::array<int, 3> busy_codes{
    1205,  // ER_LOCK_WAIT_TIMEOUT
    1213,  // ER_LOCK_DEADLOCK (the transaction was rolled back: retry it)
    1040,  // ER_CON_COUNT_ERROR
};

template <std::size_t N>
bool contains(const std::array<int, N>& codes, int code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

}  // namespace

bool is_connection_lost(int code) {
  return contains(lost_codes, code);
}

std::string redact_values(std::string_view message) {
  std::string out{message};
  for (std::string_view marker : {"entry '", "value: '", "value '"}) {
    for (auto pos = out.find(marker); pos != std::string::npos; pos = out.find(marker, pos + 1)) {
      auto begin = pos + marker.size();
      auto end = out.find("' for", begin);
      if (end == std::string::npos) end = out.rfind('\'');
      if (end == std::string::npos || end < begin) break;
      out.replace(begin, end - begin, "…");
    }
  }
  return out;
}

caf::error to_error(int code, std::string_view message, std::string_view sql) {
  std::string detail = "mysql error " + std::to_string(code) + ": " + redact_values(message);
  if (!sql.empty()) detail += " [" + sql_excerpt(sql) + "]";
  if (contains(conflict_codes, code)) return make_error(errc::conflict, detail);
  if (contains(busy_codes, code) || is_connection_lost(code))
    return make_error(errc::unavailable, detail);
  return make_error(errc::storage, detail);
}

}  // namespace askpro::persistence::mysql
