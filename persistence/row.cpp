#include "persistence/row.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace askpro::persistence {
namespace {

/// Exact integer text ("42", "-7", "42.000"), as MySQL renders DECIMAL results.
std::optional<int64_t> parse_integer_text(const std::string& s) {
  int64_t out = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (ec != std::errc{}) return std::nullopt;
  const char* stop = s.data() + s.size();
  if (end != stop && *end == '.') {
    for (++end; end != stop && *end == '0'; ++end) {
    }
  }
  return end == stop ? std::optional<int64_t>{out} : std::nullopt;
}

std::optional<double> parse_real_text(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  double out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size() ? std::optional<double>{out} : std::nullopt;
}

template <class T>
struct convert;

template <>
struct convert<int64_t> {
  static std::optional<int64_t> from(const value& v) {
    if (auto* i = v.if_integer()) return *i;
    if (auto* t = v.if_text()) return parse_integer_text(*t);
    return std::nullopt;
  }
};

template <>
struct convert<int> {
  static std::optional<int> from(const value& v) {
    auto wide = convert<int64_t>::from(v);
    if (!wide || *wide < std::numeric_limits<int>::min() || *wide > std::numeric_limits<int>::max())
      return std::nullopt;
    return static_cast<int>(*wide);
  }
};

template <>
struct convert<bool> {
  static std::optional<bool> from(const value& v) {
    auto i = convert<int64_t>::from(v);
    return i ? std::optional<bool>{*i != 0} : std::nullopt;
  }
};

template <>
struct convert<double> {
  static std::optional<double> from(const value& v) {
    if (auto* d = v.if_real()) return *d;
    if (auto* i = v.if_integer()) return static_cast<double>(*i);
    if (auto* t = v.if_text()) return parse_real_text(*t);
    return std::nullopt;
  }
};

template <>
struct convert<std::string> {
  static std::optional<std::string> from(const value& v) {
    if (auto* t = v.if_text()) return *t;
    if (auto* b = v.if_blob()) return std::string(b->begin(), b->end());
    return std::nullopt;
  }
};

template <>
struct convert<bytes> {
  static std::optional<bytes> from(const value& v) {
    if (auto* b = v.if_blob()) return *b;
    if (auto* t = v.if_text()) return to_bytes(*t);
    return std::nullopt;
  }
};

caf::error column_error(const row& r, std::size_t index, const std::string& what) {
  std::string name = index < r.columns().size() ? r.columns()[index] : std::to_string(index);
  return make_error(errc::storage, "column '" + name + "' " + what);
}

}  // namespace

Result<std::size_t> row::index_of(std::string_view name) const {
  for (std::size_t i = 0; i < columns_->size(); ++i)
    if ((*columns_)[i] == name) return i;
  return make_error(errc::storage, "no column named '" + std::string{name} + "'");
}

template <class T>
Result<std::optional<T>> row::nullable(std::size_t index) const {
  if (index >= values_.size()) return column_error(*this, index, "is out of range");
  const value& v = values_[index];
  if (v.is_null()) return std::optional<T>{};
  auto out = convert<T>::from(v);
  if (!out)
    return column_error(*this, index,
                        std::string{"holds "} + to_string(v.type()) +
                            ", which does not convert to the requested type");
  return std::optional<T>{std::move(*out)};
}

template <class T>
Result<T> row::get(std::size_t index) const {
  auto out = nullable<T>(index);
  if (!out) return std::move(out.error());
  if (!*out) return column_error(*this, index, "is NULL");
  return std::move(**out);
}

#define ASKPRO_ROW_GETTERS(T)                        \
  template Result<T> row::get<T>(std::size_t) const; \
  template Result<std::optional<T>> row::nullable<T>(std::size_t) const;

ASKPRO_ROW_GETTERS(int64_t)
ASKPRO_ROW_GETTERS(int)
ASKPRO_ROW_GETTERS(bool)
ASKPRO_ROW_GETTERS(double)
ASKPRO_ROW_GETTERS(std::string)
ASKPRO_ROW_GETTERS(bytes)

#undef ASKPRO_ROW_GETTERS

Result<row> result_set::first() const {
  if (rows_.empty()) return make_error(errc::not_found, "query returned no rows");
  return rows_.front();
}

const char* to_string(value_type t) {
  switch (t) {
    case value_type::null:
      return "null";
    case value_type::integer:
      return "integer";
    case value_type::real:
      return "real";
    case value_type::text:
      return "text";
    case value_type::blob:
      return "blob";
  }
  return "unknown";
}

}  // namespace askpro::persistence
