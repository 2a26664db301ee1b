#include "actors/tenant/json_reader.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace askpro::actors::tenant::detail {
namespace {

bool valid_slug(const std::string& s) {
  return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

}  // namespace

std::string child_path(const std::string& path, std::string_view key) {
  return path.empty() ? std::string{key} : path + "." + std::string{key};
}

std::string index_path(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

void json_reader::fail(const std::string& path, std::string message) {
  problems_.push_back({path.empty() ? "(document)" : path, std::move(message)});
}

bool json_reader::object(const json& v, const std::string& path,
                         std::initializer_list<std::string_view> allowed) {
  if (!v.is_object()) {
    fail(path, "expected an object");
    return false;
  }
  for (const auto& item : v.items()) {
    if (std::find(allowed.begin(), allowed.end(), item.key()) == allowed.end())
      fail(child_path(path, item.key()), "unknown key");
  }
  return true;
}

const json* json_reader::member(const json& obj, const std::string& path, std::string_view key,
                                bool required) {
  auto it = obj.find(std::string{key});
  if (it == obj.end() || it->is_null()) {
    if (required) fail(child_path(path, key), "missing required key");
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> json_reader::text(const json& obj, const std::string& path,
                                             std::string_view key, bool required) {
  const json* v = member(obj, path, key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string() || v->get_ref<const std::string&>().empty()) {
    fail(child_path(path, key), "expected a non-empty string");
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<int64_t> json_reader::integer(const json& obj, const std::string& path,
                                            std::string_view key, bool required, int64_t lo,
                                            int64_t hi) {
  const json* v = member(obj, path, key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number_integer()) {
    fail(child_path(path, key), "expected an integer");
    return std::nullopt;
  }
  const bool too_big = v->is_number_unsigned() && v->get<uint64_t>() > static_cast<uint64_t>(hi);
  const auto n = v->get<int64_t>();
  if (too_big || n < lo || n > hi) {
    fail(child_path(path, key),
         "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
    return std::nullopt;
  }
  return n;
}

const json* json_reader::array(const json& obj, const std::string& path, std::string_view key,
                               bool required) {
  const json* v = member(obj, path, key, required);
  if (v == nullptr) return nullptr;
  if (!v->is_array()) {
    fail(child_path(path, key), "expected an array");
    return nullptr;
  }
  return v;
}

std::vector<std::string> json_reader::strings(const json& obj, const std::string& path,
                                              std::string_view key) {
  std::vector<std::string> out;
  const json* list = array(obj, path, key, false);
  if (list == nullptr) return out;
  const std::string at = child_path(path, key);
  for (std::size_t i = 0; i < list->size(); ++i) {
    const json& v = (*list)[i];
    if (v.is_string() && !v.get_ref<const std::string&>().empty()) {
      out.push_back(v.get<std::string>());
    } else {
      fail(index_path(at, i), "expected a non-empty string");
      out.emplace_back();  // keeps indices aligned with the file for later checks
    }
  }
  return out;
}

std::optional<std::string> json_reader::slug(const json& obj, const std::string& path,
                                             std::string_view key) {
  auto s = text(obj, path, key, true);
  if (s && !valid_slug(*s)) {
    fail(child_path(path, key), "must match [a-z0-9-]+ (at most 64 characters)");
    return std::nullopt;
  }
  return s;
}

}  // namespace askpro::actors::tenant::detail
