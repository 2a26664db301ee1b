#pragma once
/// Binding values to and reading rows from Connector/C++ statements (internal to the MySQL
/// driver). These functions throw sql::SQLException like the connector; the connection converts.
/// Thread-safety: as the owning connection.

#include "persistence/row.hpp"
#include "persistence/value.hpp"

#include <istream>
#include <memory>
#include <vector>

namespace sql {
class PreparedStatement;
class ResultSet;
}  // namespace sql

namespace askpro::persistence::mysql {

/// Streams that back bound BLOBs; they must live until the statement has run.
using blob_streams = std::vector<std::unique_ptr<std::istream>>;

/// Binds `binds` in order. Returns false when the statement has a different parameter count.
bool bind_values(sql::PreparedStatement& ps, const std::vector<value>& binds,
                 blob_streams& streams);

/// Reads every row of `rs`.
result_set read_rows(sql::ResultSet& rs);

}  // namespace askpro::persistence::mysql
