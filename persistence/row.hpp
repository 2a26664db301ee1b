#pragma once
/// Query results: a `result_set` of `row`s sharing one list of column names. Rows are fully
/// materialised when a query returns, so they stay valid after the connection moves on.
/// Thread-safety: plain values; copy freely.
///
/// Typed getters (`get<T>`, `nullable<T>`) support T = int64_t, int, bool, double, std::string
/// and bytes. Errors: errc::storage naming the column when it is unknown, out of range, NULL
/// where a value was required, or of a type that does not convert. Conversions: integer → double
/// and bool; text ↔ blob; numeric text (MySQL DECIMAL, e.g. SUM()) → integer or double when exact.

#include "persistence/value.hpp"
#include "runtime/error.hpp"

#include <caf/allowed_unsafe_message_type.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace askpro::persistence {

using column_names = std::shared_ptr<const std::vector<std::string>>;

class row {
 public:
  row(column_names columns, std::vector<value> values)
      : columns_(std::move(columns)), values_(std::move(values)) {}

  std::size_t size() const { return values_.size(); }
  /// The raw value at `index`. Precondition: index < size().
  const value& at(std::size_t index) const { return values_[index]; }
  const std::vector<std::string>& columns() const { return *columns_; }

  /// The position of the column named `name` (exact match of the result's column label).
  [[nodiscard]] Result<std::size_t> index_of(std::string_view name) const;

  /// The value at a column converted to T; NULL is an error.
  template <class T>
  [[nodiscard]] Result<T> get(std::size_t index) const;
  template <class T>
  [[nodiscard]] Result<T> get(std::string_view name) const {
    auto i = index_of(name);
    if (!i) return std::move(i.error());
    return get<T>(*i);
  }

  /// The value at a column converted to T, or nullopt when it is NULL.
  template <class T>
  [[nodiscard]] Result<std::optional<T>> nullable(std::size_t index) const;
  template <class T>
  [[nodiscard]] Result<std::optional<T>> nullable(std::string_view name) const {
    auto i = index_of(name);
    if (!i) return std::move(i.error());
    return nullable<T>(*i);
  }

 private:
  column_names columns_;
  std::vector<value> values_;
};

class result_set {
 public:
  result_set() : columns_(std::make_shared<const std::vector<std::string>>()) {}
  result_set(column_names columns, std::vector<row> rows)
      : columns_(std::move(columns)), rows_(std::move(rows)) {}

  const std::vector<std::string>& columns() const { return *columns_; }
  std::size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  const row& operator[](std::size_t i) const { return rows_[i]; }
  std::vector<row>::const_iterator begin() const { return rows_.begin(); }
  std::vector<row>::const_iterator end() const { return rows_.end(); }

  /// The first row, or errc::not_found when the result is empty.
  [[nodiscard]] Result<row> first() const;

 private:
  column_names columns_;
  std::vector<row> rows_;
};

}  // namespace askpro::persistence

// Query results may travel in local messages (e.g. as the reply of a db_task).
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::persistence::row)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(askpro::persistence::result_set)
