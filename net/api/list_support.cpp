#include "net/api/list_support.hpp"

#include <openssl/evp.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cctype>
#include <charconv>

namespace askpro::net::api {
namespace {

constexpr std::string_view cursor_prefix = "c1:";

std::string base64url(std::string_view raw) {
  std::string out(4 * ((raw.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(raw.data()),
                          static_cast<int>(raw.size()));
  out.resize(static_cast<std::size_t>(n));
  while (!out.empty() && out.back() == '=') out.pop_back();
  for (auto& c : out) c = c == '+' ? '-' : c == '/' ? '_' : c;
  return out;
}

std::optional<std::string> unbase64url(std::string_view token) {
  if (token.empty() || token.size() > 200) return std::nullopt;
  std::string text{token};
  for (auto& c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return std::nullopt;
    c = c == '-' ? '+' : c == '_' ? '/' : c;
  }
  while (text.size() % 4 != 0) text.push_back('=');
  std::string out(text.size(), '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(text.data()),
                          static_cast<int>(text.size()));
  if (n < 0) return std::nullopt;
  out.resize(static_cast<std::size_t>(n));
  while (!out.empty() && out.back() == '\0') out.pop_back();  // padding bytes
  return out;
}

std::optional<int64_t> to_int64(std::string_view s) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string encode_cursor(const cursor_key& key) {
  return base64url(std::string{cursor_prefix} + std::to_string(key.sort) + ":" +
                   std::to_string(key.id));
}

Result<cursor_key> decode_cursor(std::string_view token) {
  auto invalid = [] { return make_error(errc::invalid_argument, "invalid cursor"); };
  auto text = unbase64url(token);
  if (!text || text->rfind(cursor_prefix, 0) != 0) return invalid();
  std::string_view rest = std::string_view{*text}.substr(cursor_prefix.size());
  auto colon = rest.find(':');
  if (colon == std::string_view::npos) return invalid();
  auto sort = to_int64(rest.substr(0, colon));
  auto id = to_int64(rest.substr(colon + 1));
  if (!sort || !id) return invalid();
  return cursor_key{*sort, *id};
}

Result<int> parse_limit(const std::optional<std::string>& text, int fallback) {
  if (!text) return fallback;
  auto v = to_int64(trim(*text));
  if (!v || *v < 1 || *v > 200)
    return make_error(errc::invalid_argument, "limit must be an integer from 1 to 200");
  return static_cast<int>(*v);
}

std::vector<std::string> parse_fields(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    auto comma = text.find(',');
    auto part = trim(text.substr(0, comma));
    if (!part.empty()) out.emplace_back(part);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

void keep_fields(nlohmann::json& item, const std::vector<std::string>& fields) {
  if (fields.empty() || !item.is_object()) return;
  nlohmann::json kept = nlohmann::json::object();
  for (auto it = item.begin(); it != item.end(); ++it) {
    bool wanted = it.key() == "id";
    for (const auto& f : fields) wanted = wanted || f == it.key();
    if (wanted) kept[it.key()] = std::move(it.value());
  }
  item = std::move(kept);
}

std::string etag_of(std::string_view body) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(body.data(), body.size(), digest.data(), &length, EVP_sha256(), nullptr);
  static constexpr char hex[] = "0123456789abcdef";
  std::string out = "\"";
  for (unsigned i = 0; i < 16; ++i) {
    out.push_back(hex[digest[i] >> 4]);
    out.push_back(hex[digest[i] & 0x0f]);
  }
  return out + "\"";
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (trim(if_none_match) == "*") return true;
  for (const auto& candidate : parse_fields(if_none_match)) {
    std::string_view c = candidate;
    if (c.substr(0, 2) == "W/") c.remove_prefix(2);
    if (c == etag) return true;
  }
  return false;
}

}  // namespace askpro::net::api
