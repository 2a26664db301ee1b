#pragma once
/// Mapping between records and SQL in repositories. `take` reads one column into a field and
/// remembers the first error, so a mapper is a list of `take` lines and one check at the end;
/// `set_if` appends an UPDATE's `, col = ?` for each field a patch sets.
///
///   caf::error err;
///   take(r, "id", rec.id, err);
///   take(r, "phone_e164", rec.phone, err);  // std::optional field: NULL → nullopt
///   if (err) return err;
///
/// Thread-safety: pure. Errors: those of row::get / row::nullable (missing column, wrong type,
/// NULL in a non-optional field).

#include "persistence/row.hpp"
#include "persistence/value.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace askpro::persistence {

/// Assigns `r.get<T>(col)` to `out`, remembering the first error in `err`.
template <class T>
void take(const row& r, const char* col, T& out, caf::error& err) {
  if (err) return;
  auto v = r.get<T>(col);
  if (v)
    out = std::move(*v);
  else
    err = std::move(v.error());
}

/// Assigns `r.nullable<T>(col)` (NULL → nullopt) to `out`, remembering the first error.
template <class T>
void take(const row& r, const char* col, std::optional<T>& out, caf::error& err) {
  if (err) return;
  auto v = r.nullable<T>(col);
  if (v)
    out = std::move(*v);
  else
    err = std::move(v.error());
}

/// Appends ", col = ?" to `sql` and the value to `binds` when `v` is set (a partial UPDATE).
template <class T>
void set_if(std::string& sql, std::vector<value>& binds, const char* col,
            const std::optional<T>& v) {
  if (!v) return;
  sql += std::string{", "} + col + " = ?";
  binds.emplace_back(*v);
}

}  // namespace askpro::persistence
