#pragma once
/// A database value: what a statement binds and what a result row holds — NULL, a 64-bit
/// integer, a double, UTF-8 text or raw bytes (which may contain NUL).
/// Thread-safety: a plain value type; copy freely.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace askpro::persistence {

/// Raw bytes, bound and read as BLOB (SQLite) / LONGBLOB, VARBINARY (MySQL).
using bytes = std::vector<uint8_t>;

enum class value_type : uint8_t { null, integer, real, text, blob };

/// "null", "integer", "real", "text" or "blob".
const char* to_string(value_type t);

class value {
 public:
  /// NULL.
  value() = default;
  value(std::nullptr_t) {}
  /// Any integer type except bool (which binds as 0/1) becomes a 64-bit integer.
  template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  value(T x) : data_(static_cast<int64_t>(x)) {}
  value(bool x) : data_(int64_t{x ? 1 : 0}) {}
  value(double x) : data_(x) {}
  value(float x) : data_(static_cast<double>(x)) {}
  value(std::string x) : data_(std::move(x)) {}
  value(std::string_view x) : data_(std::string{x}) {}
  value(const char* x) : data_(std::string{x}) {}
  value(bytes x) : data_(std::move(x)) {}
  /// An empty optional binds NULL.
  template <class T>
  value(const std::optional<T>& x) {
    if (x) *this = value(*x);
  }

  value_type type() const { return static_cast<value_type>(data_.index()); }
  bool is_null() const { return data_.index() == 0; }

  /// The stored alternative, or nullptr when the value holds another type.
  const int64_t* if_integer() const { return std::get_if<int64_t>(&data_); }
  const double* if_real() const { return std::get_if<double>(&data_); }
  const std::string* if_text() const { return std::get_if<std::string>(&data_); }
  const bytes* if_blob() const { return std::get_if<bytes>(&data_); }

  friend bool operator==(const value& a, const value& b) { return a.data_ == b.data_; }
  friend bool operator!=(const value& a, const value& b) { return !(a == b); }

 private:
  std::variant<std::monostate, int64_t, double, std::string, bytes> data_;
};

/// Converts text to bytes (e.g. to bind a string as a BLOB).
inline bytes to_bytes(std::string_view s) {
  return bytes(s.begin(), s.end());
}

}  // namespace askpro::persistence
