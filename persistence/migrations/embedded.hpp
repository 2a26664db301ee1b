#pragma once
/// The SQL migration files compiled into the binary (generated at build time from
/// persistence/migrations/<dialect>/NNNN_name.sql by embed.cmake).
/// Thread-safety: immutable static data.

#include <string_view>
#include <vector>

namespace askpro::persistence::migrations {

struct embedded_file {
  std::string_view dialect;    ///< folder: "sqlite" or "mysql"
  std::string_view file_name;  ///< e.g. "0001_base.sql"
  std::string_view text;       ///< the file's content
};

/// Every embedded file, sorted by dialect then name.
const std::vector<embedded_file>& embedded_files();

}  // namespace askpro::persistence::migrations
