#pragma once
/// SQL text helpers: splitting a migration file into single statements, and short excerpts of
/// SQL for error details. Thread-safety: pure functions.

#include "runtime/error.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace askpro::persistence {

struct split_options {
  /// MySQL treats a backslash inside a quoted string as an escape; SQLite does not.
  bool backslash_escapes = false;
  /// MySQL also starts a line comment with '#'.
  bool hash_comments = false;
};

/// Splits `script` into statements at the delimiter (";" unless changed by a line
/// `DELIMITER $$`, as the mysql client does, so trigger bodies may contain ';'). Delimiters
/// inside quotes ('…', "…", `…`) and comments (-- …, /* … */, # … with hash_comments) do not
/// split; comments are dropped, surrounding whitespace trimmed, empty statements skipped.
/// Errors: errc::invalid_argument for an unterminated quote or comment.
[[nodiscard]] Result<std::vector<std::string>> split_statements(std::string_view script,
                                                                const split_options& opts = {});

/// The first line of `sql`, whitespace collapsed, cut to ~80 characters (for error details;
/// SQL text holds no bound values).
std::string sql_excerpt(std::string_view sql);

}  // namespace askpro::persistence
