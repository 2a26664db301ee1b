#pragma once
/// Splits a fuzzer's input into the parts a target feeds: the first line (a header, a query
/// parameter) and the rest (a body). Pure; shared by the fuzz targets.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

namespace askpro::fuzz {

inline std::pair<std::string_view, std::string_view> first_line_and_rest(const uint8_t* data,
                                                                         std::size_t size) {
  std::string_view all(reinterpret_cast<const char*>(data), size);
  auto nl = all.find('\n');
  if (nl == std::string_view::npos) return {all, {}};
  return {all.substr(0, nl), all.substr(nl + 1)};
}

}  // namespace askpro::fuzz
