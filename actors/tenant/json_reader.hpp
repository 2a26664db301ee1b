#pragma once
/// Typed, path-tracking reads from a JSON document that collect problems instead of throwing.
/// Internal to the tenant file parser. Thread-safety: one reader per parse.

#include "actors/tenant/tenant_file.hpp"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace askpro::actors::tenant::detail {

using json = nlohmann::json;

/// `path.key` (or `key` at the top).
std::string child_path(const std::string& path, std::string_view key);

/// `path[i]`.
std::string index_path(const std::string& path, std::size_t i);

class json_reader {
 public:
  explicit json_reader(std::vector<problem>& problems) : problems_(problems) {}

  /// Records a problem at `path`.
  void fail(const std::string& path, std::string message);

  /// Number of problems recorded so far.
  std::size_t problem_count() const { return problems_.size(); }

  /// True when `v` is an object; reports each key not in `allowed` as unknown.
  bool object(const json& v, const std::string& path,
              std::initializer_list<std::string_view> allowed);

  /// Member `key` of object `obj`, or nullptr when absent (reported when `required`).
  const json* member(const json& obj, const std::string& path, std::string_view key, bool required);

  /// A non-empty string member.
  std::optional<std::string> text(const json& obj, const std::string& path, std::string_view key,
                                  bool required);

  /// An integer member within [lo, hi].
  std::optional<int64_t> integer(const json& obj, const std::string& path, std::string_view key,
                                 bool required, int64_t lo, int64_t hi);

  /// An array member (nullptr when absent or not an array).
  const json* array(const json& obj, const std::string& path, std::string_view key, bool required);

  /// An optional array of non-empty strings; a bad element is reported and kept as "" so that
  /// indices still match the file.
  std::vector<std::string> strings(const json& obj, const std::string& path, std::string_view key);

  /// A slug member matching [a-z0-9-]+ (at most 64 characters).
  std::optional<std::string> slug(const json& obj, const std::string& path,
                                  std::string_view key = "slug");

 private:
  std::vector<problem>& problems_;
};

}  // namespace askpro::actors::tenant::detail
